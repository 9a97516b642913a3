"""Which of a result's languages the words typed were found in.

A result is shown in the visitor's language when the page is written in it; otherwise in a
language the words were found in, labelled (`search.queries.shown_language`). Told from the
titles and summaries the hit already carries, and only for results missing the visitor's
language: no extra work on the node.
"""

import re

from portal.transliteration import cyrillic_to_latin, fold
from search.analysis import FUNCTION_WORDS, field_suffix

# Letters of a word that must agree, so inflected forms meet (zatvorima / zatvor), as they
# do in the index through the stemmers.
STEM = 5
WORD = re.compile(r"[^\W_]+")
IGNORED = frozenset(FUNCTION_WORDS)


def stems(text):
    """The words of `text` as bald Latin stems: scripts and diacritics no longer differ."""
    return {word[:STEM] for word in WORD.findall(fold(cyrillic_to_latin(text or ""))) if word not in IGNORED}


def languages(hit, written, query):
    """Those of the `written` languages whose title or summary in `hit` holds a word of `query`."""
    wanted = stems(query)
    if not wanted:
        return []
    found = []
    for code in written:
        suffix = field_suffix(code)
        text = f"{getattr(hit, f'title_{suffix}', '')} {getattr(hit, f'summary_{suffix}', '')}"
        if wanted & stems(text):
            found.append(code)
    return found
