"""Which language a page is shown in, and where the same page lives in every language."""

from django.urls import translate_url
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from portal.languages import DEFAULT_LANGUAGE, PORTAL_LANGUAGES, bcp47


def has_translation(page, language):
    """A page exists in a language when its title is written in it."""
    return bool(getattr(page, build_localized_fieldname("title", language), ""))


def displayed_language(page, language):
    """The language whose text a visitor of `language` actually reads on `page`."""
    if hasattr(page, "shown_language"):
        return page.shown_language(language)
    return language if has_translation(page, language) else DEFAULT_LANGUAGE


def url_in_language(request, language, page=None):
    """The current page's URL in `language`: a page's translated slug, else the same view."""
    with translation.override(language):
        if isinstance(page, Page):
            url = page.get_url(request=request)
            if url:
                return url
        return translate_url(request.get_full_path(), language)


def alternates(request, page=None):
    current = translation.get_language()
    return [
        {
            "code": code,
            "name": name,
            "bcp47": bcp47(code),
            "url": url_in_language(request, code, page),
            "current": code == current,
        }
        for code, name in PORTAL_LANGUAGES
    ]
