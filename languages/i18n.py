"""Which language a visitor reads a page in (its `reading`), and where the same page lives in every language."""

from django.urls import translate_url
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from languages import fallbacks
from languages.codes import LANGUAGE_CODES, PORTAL_LANGUAGES, bcp47
from languages.transliteration import to_script


def written_languages(obj, field_name="title"):
    """The languages `obj`'s field is written in (a page exists where its title is)."""
    return [code for code in LANGUAGE_CODES if getattr(obj, build_localized_fieldname(field_name, code), None)]


def reading(obj, language=None, field_name="title"):
    """The `fallbacks.Reading` for a visitor of `language`: pages decide by their title (one
    language per page), other objects (snippets) field by field."""
    language = language or translation.get_language()
    if hasattr(obj, "reading"):
        return obj.reading(language)
    original = obj.source_language() if hasattr(obj, "source_language") else None
    return fallbacks.choose(language, written_languages(obj, field_name), original)


def localized(obj, field_name, language=None):
    """A translated field's value as the visitor reads it: fallback language, and the other
    Serbian script transliterated."""
    if obj is None:
        return ""
    field_reading = reading(obj, language, "title" if isinstance(obj, Page) else field_name)
    value = getattr(obj, build_localized_fieldname(field_name, field_reading.source), None) or ""
    return to_script(value, field_reading.language) if field_reading.transliterated and value else value


def url_in_language(request, language, page=None):
    """The current page's URL in `language`: a page's translated slug, else the same view."""
    if isinstance(page, Page):
        with translation.override(language):
            url = page.get_url(request=request)
        if url:
            return url
    # Outside the override: translate_url resolves the path in the language it is written in.
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
