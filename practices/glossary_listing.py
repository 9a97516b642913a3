"""The public glossary's entries, in the visitor's language with every equivalent beside it."""

from dataclasses import dataclass, field

from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from languages import i18n
from languages.codes import DEFAULT_LANGUAGE, PORTAL_LANGUAGES
from languages.transliteration import fold


@dataclass
class Equivalent:
    code: str
    name: str
    term: str
    variants: list = field(default_factory=list)


@dataclass
class Entry:
    slug: str
    term: str
    language: str
    definition: str
    note: str
    reflexes: list
    equivalents: list


def entry(term, language):
    # Each field as the visitor reads it: along her fallback chain, Serbian in her script.
    reading = i18n.reading(term, language, "term")
    equivalents = []
    for code, name in PORTAL_LANGUAGES:
        value = getattr(term, build_localized_fieldname("term", code), "") or ""
        if value:
            equivalents.append(Equivalent(code, name, value, term.variant_list(code)))
    return Entry(
        slug=term.slug,
        term=i18n.localized(term, "term", language) or term.slug,
        language=reading.language,
        definition=i18n.localized(term, "definition", language),
        note=i18n.localized(term, "note", language),
        reflexes=term.reflex_forms(),
        equivalents=equivalents,
    )


def glossary_entries(terms, query="", language=None):
    """`terms` sorted as the visitor reads them; `query` keeps terms with a matching form in
    any language."""
    language = language or translation.get_language() or DEFAULT_LANGUAGE
    wanted = fold(query[:100])
    if wanted:
        terms = [term for term in terms if any(wanted in fold(form) for form in term.all_forms())]
    return sorted((entry(term, language) for term in terms), key=lambda e: fold(e.term))
