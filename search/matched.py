"""Which of a result's languages the words typed were found in.

A result is shown in the visitor's language when the page is written in it; otherwise in a
language the words were found in, labelled (`search.queries.reading_for`). Told from the
titles and summaries the hit already carries, and only for results missing the visitor's
language: no extra work on the node.
"""

from languages.transliteration import WORD, fold
from search.analysis import FUNCTION_WORDS, field_suffix
from search.documents import SNIPPET_FIELD

# Letters of a word that must agree, so inflected forms meet (zatvorima / zatvor), as they
# do in the index through the stemmers.
STEM = 5
IGNORED = frozenset(FUNCTION_WORDS)


def stems(text):
    """The words of `text` as bald Latin stems: scripts and diacritics no longer differ."""
    return {word[:STEM] for word in WORD.findall(fold(text)) if word not in IGNORED}


def found(hit, language, query_stems):
    """Whether `hit`'s title or summary in `language` holds a word of the query (`stems`)."""
    suffix = field_suffix(language)
    text = f"{getattr(hit, f'title_{suffix}', '')} {getattr(hit, f'{SNIPPET_FIELD}_{suffix}', '')}"
    return bool(query_stems & stems(text))
