"""The PDF of a page and of the screening tool's observation form, cached per revision.

These run as Wagtail sub-routes (routes.py): by the time they are called, Wagtail has already
applied the page's view restrictions, exactly as for the page itself.
"""

import logging
import time

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import content_disposition_header

from languages import i18n
from languages.codes import PORTAL_LANGUAGES
from printing import cache, render
from printing.contents import contents
from printing.editions import edition

logger = logging.getLogger(__name__)


def page_pdf(request, page):
    return cached_pdf(request, page, "page", f"{page.slug}-{language()}.pdf", render_page)


def observation_form_pdf(request, page):
    return cached_pdf(
        request, page, "observation-form", f"{page.slug}-observation-form-{language()}.pdf", render_observation_form
    )


def language():
    return translation.get_language()


def audience(request):
    """Who the PDF is for, as far as it changes what it shows: a practice's contact person is
    printed for verified professionals only, so they never share a cached file with others."""
    from roles import is_verified_professional

    return "verified" if is_verified_professional(request.user) else "public"


def cached_pdf(request, page, kind, filename, renderer):
    key = cache.key(page, kind, language(), audience(request))
    pdf = cache.get(key)
    hit = pdf is not None
    if not hit:
        started = time.perf_counter()
        pdf = renderer(request, page)
        cache.put(key, pdf)
        seconds = time.perf_counter() - started
        logger.info("PDF %s of page %s in %s rendered in %.2f s", kind, page.pk, language(), seconds)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-PDF-Cache"] = "hit" if hit else "miss"
    patch_vary_headers(response, ["Cookie"])
    if page.get_view_restrictions().exists():
        # A restricted page's PDF never sits in a shared cache.
        patch_cache_control(response, private=True)
    return response


def print_context(request, page, base_template):
    """What the PDF layouts add to the page's own context: cover facts and where it lives."""
    reading = page.reading(language()) if hasattr(page, "reading") else None
    shown_language = reading.language if reading else language()
    return {
        "base_template": base_template,
        "pdf_title": i18n.localized(page, "title") or page.title,
        "pdf_language": dict(PORTAL_LANGUAGES).get(shown_language, shown_language),
        "pdf_lang": shown_language,
        "edition": edition(page),
        "address": request.build_absolute_uri(page.get_url(request=request)),
        "printed": timezone.localdate(),
    }


def render_page(request, page):
    context = page.get_context(request)
    context.update(print_context(request, page, "printing/pdf/document.html"))
    context["contents"] = contents(page)
    return to_pdf(request, page.get_template(request), context)


def render_observation_form(request, page):
    context = {"page": page, "domains": page.domains(), "reading": page.reading()}
    context.update(print_context(request, page, "printing/pdf/form.html"))
    return to_pdf(request, "practices/observation_form.html", context)


def to_pdf(request, template, context):
    html = render_to_string(template, context, request=request)
    origin = f"{request.scheme}://{request.get_host()}"
    return render.html_to_pdf(render.absolute_links(html, origin), base_url=origin + "/")
