"""The query mix: distinct queries drawn from the synthetic pages, as visitors type them.

1-4 consecutive words of a page's title or summary in one of its languages; some typed without
diacritics, some in the other script (Cyrillic pages queried in Latin), some with a typo,
some with a filter. Thousands of distinct queries, so no cache answers the mix from memory.
"""

import random
from urllib.parse import urlencode

from anyascii import anyascii

from bench.corpus import BENEFICIARIES, page_texts
from languages.codes import CYRILLIC_LANGUAGES

FILTERS = (
    ("beneficiary", BENEFICIARIES),
    ("type", ("practice", "guide")),
    ("setting", ("prison", "probation", "community")),
)


def typo(rng, text):
    """One slip in one word longer than four letters: a dropped, doubled or swapped letter."""
    words = text.split()
    long_ones = [i for i, word in enumerate(words) if len(word) > 4]
    if not long_ones:
        return text
    i = rng.choice(long_ones)
    word, at = words[i], rng.randint(1, len(words[i]) - 2)
    words[i] = rng.choice(
        (
            word[:at] + word[at + 1 :],
            word[:at] + word[at] + word[at:],
            word[:at] + word[at + 1] + word[at] + word[at + 2 :],
        )
    )
    return " ".join(words)


def one_query(rng, seed, pages):
    texts = page_texts(seed, rng.randrange(pages))
    language = rng.choice(sorted(texts))
    source = texts[language]["title" if rng.random() < 0.6 else "summary"].split()
    length = min(len(source), rng.choice((1, 2, 2, 3, 3, 4)))
    start = rng.randrange(len(source) - length + 1)
    text = " ".join(source[start : start + length]).lower()
    kind = rng.random()
    if kind < 0.25:
        text = anyascii(text).lower()  # no diacritics; for Cyrillic pages, the other script too
    elif kind < 0.35:
        text = typo(rng, text)
    params = {"q": text, "lang": language if language not in CYRILLIC_LANGUAGES or rng.random() < 0.5 else "sr-latn"}
    if rng.random() < 0.15:
        name, values = rng.choice(FILTERS)
        params[name] = rng.choice(values)
    return params


def query_mix(seed, pages, count):
    """`count` distinct parameter sets (as URL query strings), in a reproducible order."""
    rng = random.Random(seed)
    seen, mix = set(), []
    while len(mix) < count:
        query = urlencode(one_query(rng, seed, pages))
        if query not in seen:
            seen.add(query)
            mix.append(query)
    return mix
