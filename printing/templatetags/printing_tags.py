from django import template
from django.utils import translation

from languages.codes import PORTAL_LANGUAGES
from printing.editions import edition
from printing.routes import pdf_url

register = template.Library()


@register.inclusion_tag("printing/includes/page_tools.html", takes_context=True)
def page_tools(context):
    """Text size, print and (where the page has one) PDF. A view may name its own PDF in
    `pdf_url` (the observation form's); a page type with the PDF route gets its page's."""
    url = context.get("pdf_url")
    if url is None:
        page = context.get("page")
        url = pdf_url(page, context.get("request")) if page is not None else ""
    return {"pdf_url": url}


@register.inclusion_tag("printing/includes/print_colophon.html", takes_context=True)
def print_colophon(context):
    """What a print-out states about itself: language, version and date, and where it is online."""
    request = context.get("request")
    page = context.get("page")
    language = translation.get_language()
    shown = page.shown(language) if hasattr(page, "shown") else None
    return {
        "language": dict(PORTAL_LANGUAGES).get(shown.language if shown else language, language),
        "edition": edition(page) if page is not None and getattr(page, "pk", None) else None,
        "address": request.build_absolute_uri() if request is not None else "",
    }
