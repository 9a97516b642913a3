"""A minimal search API over Wagtail's built-in Elasticsearch 8 backend, for comparison.

What a site gets from `Page.objects.live().search(q)`: no facets, no highlights, no filters,
public pages only; the result fields are the same as `/api/v1/search/` returns.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from search.fallback import result

PAGE_SIZE = 20


@require_GET
def builtin_search(request):
    query = request.GET.get("q", "").strip()[:256]
    language = request.GET.get("lang", "en")
    hits = Page.objects.live().public().search(query, backend="builtin") if query else Page.objects.none()
    pages = list(hits[:PAGE_SIZE])
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return JsonResponse(
        {
            "count": hits.count() if query else 0,
            "results": [
                {key: value for key, value in result(specific[page.pk], language).items() if key not in {"page_id", "snippet_is_html"}}
                for page in pages
                if page.pk in specific
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
