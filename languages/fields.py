"""Filling a model's translated fields (wagtail-modeltranslation's column per language) from
{language: value}, as the set-up and the demo loader read them from their JSON files."""

from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES
from languages.pages import ascii_slug


def set_translated(obj, field, values):
    """Every language's column of `field`; a language missing from `values` is emptied."""
    for language in LANGUAGE_CODES:
        setattr(obj, build_localized_fieldname(field, language), (values or {}).get(language, ""))


def set_page_titles(page, titles):
    """Titles in every language, and each language's slug from its title (readable in any script)."""
    set_translated(page, "title", titles)
    for language in LANGUAGE_CODES:
        if titles.get(language):
            setattr(page, build_localized_fieldname("slug", language), ascii_slug(titles[language]))
