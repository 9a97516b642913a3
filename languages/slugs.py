"""A page's slug must be free among its siblings in every language: checked in the database.

wagtail-modeltranslation checks it on every `clean()` (so on every save of a revision and
publish) by loading every sibling and reading its slug in each language in Python: a practice's
publish loaded all the others, 20 000 of them in the scale bench. This asks the database, per
language, whether a sibling answers to the same slug: its own slug in that language, or, with
none, its untranslated (English) one, as routing finds it (languages/routing.py).
"""

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES


def slug_field(language):
    return build_localized_fieldname("slug", language)


def answering_to(slug, language):
    """The pages that answer to `slug` in `language` (on a queryset with rewrite(False))."""
    field = slug_field(language)
    untranslated = Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
    return Q(**{field: slug}) | (untranslated & Q(slug=slug))


def sibling_slug_errors(siblings, slug_in):
    """{slug field: error} for each language in which one of `siblings` answers to the slug
    `slug_in(language)` gives (none or empty: not checked)."""
    siblings = siblings.rewrite(False)
    errors = {}
    for language in LANGUAGE_CODES:
        slug = slug_in(language)
        if slug and siblings.filter(answering_to(slug, language)).exists():
            errors[slug_field(language)] = _("This slug is already in use")
    return errors


def validate_slugs(page):
    """{slug field: error} for each language in which a sibling answers to the page's slug."""
    if page.get_parent() is None:
        return {}  # the root's slug can be anything
    return sibling_slug_errors(page.get_siblings(inclusive=False), lambda language: slug_of(page, language))


def slug_of(page, language):
    """The page's own slug in `language`, or its fallback (languages.fallbacks.SLUG_FALLBACKS)."""
    with translation.override(language):
        return page.slug
