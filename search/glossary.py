"""Query-time expansion with the glossary's cross-language equivalents.

Read from the database at query time, so a glossary edit changes results without a reindex.
"""

from anyascii import anyascii
from modeltranslation.utils import build_localized_fieldname

from portal.languages import LANGUAGE_CODES


def fold(text):
    """Script- and diacritic-free lowercase, for matching a query against glossary forms."""
    return " ".join(anyascii(text or "").lower().replace("dj", "d").split())


def term_forms(term):
    forms = set()
    for language in LANGUAGE_CODES:
        forms.add(getattr(term, build_localized_fieldname("term", language)) or "")
        variants = getattr(term, build_localized_fieldname("variants", language)) or ""
        forms.update(line.strip() for line in variants.splitlines())
    forms.update((term.ekavian, term.ijekavian))
    return {form for form in forms if form}


def expansions(query, limit=24):
    """Equivalents in every language of the glossary terms the query mentions."""
    from practices.models import GlossaryTerm

    folded = f" {fold(query)} "
    found = []
    for term in GlossaryTerm.objects.all():
        forms = term_forms(term)
        if any(f" {fold(form)} " in folded for form in forms if len(form) > 3):
            found += sorted(forms)
    return found[:limit]
