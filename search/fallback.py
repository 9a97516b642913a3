"""When Elasticsearch is down: Wagtail's database search over the same pages."""

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import Page

from search.indexing import SEARCHABLE_MODELS
from search.queries import SearchResults


def database_search(request):
    types = ContentType.objects.filter(app_label="practices", model__in=SEARCHABLE_MODELS)
    pages = Page.objects.live().filter(content_type__in=types)
    if request.access == ("public",):
        pages = pages.public()
    elif "verified" not in request.access:
        pages = pages.exclude(
            pk__in=[p.pk for p in pages if p.get_view_restrictions().exclude(restriction_type="login")]
        )
    if not request.query:
        return SearchResults(count=0, results=[], facets={}, degraded=True)
    hits = list(pages.search(request.query, operator="or"))
    start = (request.page - 1) * request.page_size
    return SearchResults(
        count=len(hits),
        results=[result(page.specific, request.language) for page in hits[start : start + request.page_size]],
        facets={},
        degraded=True,
    )


def result(page, language):
    shown = page.shown_language(language) if hasattr(page, "shown_language") else language
    with translation.override(shown):
        url = page.get_url()
    return {
        "page_id": page.pk,
        "slug": getattr(page, "record_slug", None) or page.slug,
        "type": page._meta.model_name.removesuffix("page"),
        "title": page.localized("title", language) if hasattr(page, "localized") else page.title,
        "url": url,
        "language": shown,
        "snippet": (page.localized("summary", language) if hasattr(page, "summary") else "")[:240],
        "snippet_is_html": False,
        "beneficiaries": [b.code for b in page.beneficiaries.all()] if hasattr(page, "beneficiaries") else [],
    }
