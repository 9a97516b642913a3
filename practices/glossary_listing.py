"""The public glossary's entries, in the visitor's language with every equivalent beside it."""

from dataclasses import dataclass, field

from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from portal.fallbacks import fallback_chain
from portal.languages import DEFAULT_LANGUAGE, PORTAL_LANGUAGES
from portal.transliteration import fold


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


def localized(term, name, language):
    """The field in `language`, else along its fallback chain; and the language it came from."""
    for code in fallback_chain(language):
        value = getattr(term, build_localized_fieldname(name, code), "") or ""
        if value:
            return value, code
    return "", DEFAULT_LANGUAGE


def entry(term, language):
    text, shown = localized(term, "term", language)
    equivalents = []
    for code, name in PORTAL_LANGUAGES:
        value = getattr(term, build_localized_fieldname("term", code), "") or ""
        if value:
            equivalents.append(Equivalent(code, name, value, term.variant_list(code)))
    return Entry(
        slug=term.slug,
        term=text or term.slug,
        language=shown,
        definition=localized(term, "definition", language)[0],
        note=localized(term, "note", language)[0],
        reflexes=term.reflex_forms(),
        equivalents=equivalents,
    )


def glossary_entries(query="", language=None):
    """Every term, sorted as the visitor reads it; `query` keeps terms with a matching form in any language."""
    from practices.models import GlossaryTerm

    language = language or translation.get_language() or DEFAULT_LANGUAGE
    terms = GlossaryTerm.objects.all()
    wanted = fold(query[:100])
    if wanted:
        terms = [term for term in terms if any(wanted in fold(form) for form in term.all_forms())]
    return sorted((entry(term, language) for term in terms), key=lambda e: fold(e.term))
