from django import template
from django.utils import translation

from portal import i18n
from portal.languages import bcp47 as to_bcp47

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Every language's URL for what is on screen, for the switcher and hreflang links."""
    request = context.get("request")
    if request is None:
        return []
    return i18n.alternates(request, context.get("page"))


@register.simple_tag
def displayed_language(page):
    return i18n.displayed_language(page, translation.get_language())


@register.filter
def bcp47(code):
    return to_bcp47(code)


@register.filter
def localized(page, field_name):
    """A translated field in the language the page is shown in (its visible fallback)."""
    return page.localized(field_name)
