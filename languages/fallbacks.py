"""Which language a visitor reads when theirs is missing: one table for the whole portal.

Pages, templates, search results and django-modeltranslation's field fallbacks all derive
from `FALLBACK_CHAINS`. Serbian is one language in two scripts, so a page written in only
one of `sr` and `sr-latn` is served in the other by transliteration before any other
language is tried; a chain step `sr-latn` is also met by a Cyrillic `sr` text.
"""

from dataclasses import dataclass
from functools import lru_cache

from languages.codes import DEFAULT_LANGUAGE, LANGUAGE_CODES

# After the visitor's own language, in this order; every chain ends in English. Croatian
# readers see Bosnian before Serbian (closest standard and the same Latin orthography),
# mirroring Bosnian's chain.
FALLBACK_CHAINS = {
    "en": (),
    "sq": ("en",),
    "bs": ("hr", "sr-latn", "en"),
    "hr": ("bs", "sr-latn", "en"),
    "cnr": ("sr-latn", "bs", "hr", "en"),
    "sr": ("sr-latn", "en"),
    "sr-latn": ("sr", "en"),
    "mk": ("en",),
}

# The same language in the other script: reached by transliteration, never by translation.
SCRIPT_TWINS = {"sr": "sr-latn", "sr-latn": "sr"}


@dataclass(frozen=True)
class Reading:
    """What a visitor reads: `language` (for lang attributes and notices), whose text comes
    from the `source` language's fields, transliterated when the two differ."""

    language: str
    source: str

    @property
    def transliterated(self):
        return self.language != self.source


def fallback_chain(language, original=None):
    """`language`, its fallbacks, then the page's original language (tried last)."""
    chain = (language, *FALLBACK_CHAINS.get(language, (DEFAULT_LANGUAGE,)))
    if original and original not in chain:
        chain += (original,)
    return chain


@lru_cache(maxsize=256)
def readings(language, original=None):
    """Every way a visitor of `language` can read a text, best first, one `Reading` per source
    language: each step of her chain (or the other Serbian script, transliterated), then any
    language no chain reaches."""
    found = {}
    for candidate in fallback_chain(language, original):
        for source in (candidate, SCRIPT_TWINS.get(candidate)):
            if source:
                found.setdefault(source, Reading(candidate, source))
    for code in LANGUAGE_CODES:
        found.setdefault(code, Reading(code, code))
    return tuple(found.values())


def choose(language, written, original=None):
    """The `Reading` for a visitor of `language`, given the languages a text is `written` in."""
    written = set(written or ())
    return next(
        (reading for reading in readings(language, original) if reading.source in written),
        Reading(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE),
    )


def modeltranslation_fallbacks():
    """MODELTRANSLATION_FALLBACK_LANGUAGES from the same table (plain fields, no transliteration)."""
    chains = {code: chain for code, chain in FALLBACK_CHAINS.items() if chain}
    return {"default": (DEFAULT_LANGUAGE,), **chains}


# A page's slug must fall back to the English one only: the localized url_path is built
# from the language's slug or the English slug, and routing compares against `page.slug`.
SLUG_FALLBACKS = {"default": (DEFAULT_LANGUAGE,), **{code: () for code in LANGUAGE_CODES}}


def in_script(reading, result):
    """A search result's title and snippet in the visitor's Serbian script when transliterated
    (the snippet's <mark> highlights survive: markup is never converted)."""
    if reading.transliterated:
        from languages.transliteration import to_script

        for key in ("title", "snippet"):
            if key in result:
                result[key] = to_script(result[key] or "", reading.language)
    return result
