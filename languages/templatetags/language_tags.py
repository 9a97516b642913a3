from django import template
from django.utils import translation
from wagtail.models import Page

from languages import discovery, i18n
from languages.codes import DEFAULT_LANGUAGE
from languages.codes import bcp47 as to_bcp47

register = template.Library()

# Each script's name written in that script, as Serbian readers know the toggle.
SERBIAN_SCRIPTS = {"sr": "Ћирилица", "sr-latn": "Latinica"}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Every language's URL for what is on screen, for the switcher and hreflang links."""
    request = context.get("request")
    if request is None:
        return []
    return i18n.alternates(request, context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> of what is on screen: a page's own languages and its
    x-default, or every language for views that are no page (search)."""
    request, page = context.get("request"), context.get("page")
    if request is None:
        return []
    if isinstance(page, Page):
        return discovery.hreflang_links(page, request)
    links = [
        {"hreflang": alt["bcp47"], "href": request.build_absolute_uri(alt["url"])}
        for alt in i18n.alternates(request, page)
    ]
    default = request.build_absolute_uri(i18n.url_in_language(request, DEFAULT_LANGUAGE, page))
    return [*links, {"hreflang": "x-default", "href": default}]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address search engines should index for what is on screen, or "" for none."""
    request, page = context.get("request"), context.get("page")
    if request is None or not isinstance(page, Page):
        return ""
    return discovery.canonical_url(page, request)


@register.simple_tag
def reading(page):
    """What the visitor reads of `page`: `.language`, `.source`, `.transliterated`."""
    return i18n.reading(page, translation.get_language())


@register.simple_tag(takes_context=True)
def script_toggle(context):
    """Links to the page in both Serbian scripts, when the visitor reads Serbian."""
    request = context.get("request")
    current = translation.get_language()
    if request is None or current not in SERBIAN_SCRIPTS:
        return []
    return [
        {
            "code": code,
            "label": label,
            "url": i18n.url_in_language(request, code, context.get("page")),
            "current": code == current,
        }
        for code, label in SERBIAN_SCRIPTS.items()
    ]


@register.filter
def bcp47(code):
    return to_bcp47(code)


@register.filter
def localized(page, field_name):
    """A translated field in the language the page is shown in (its visible fallback,
    transliterated into the visitor's Serbian script)."""
    return i18n.localized(page, field_name)
