"""A minimal search API over Wagtail's built-in Elasticsearch 8 backend, for comparison.

What a site gets from `Page.objects.live().search(q)`: no facets, no highlights, no filters,
public pages only; the result fields are the same as `/api/v1/search/` returns.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from search import results
from search.indexing import searchable_models
from search.limits import MAX_QUERY_LENGTH

PAGE_SIZE = 20


def builtin_hits(query):
    if not query:
        return Page.objects.none()
    # The page types our index holds, so both search the same pages.
    return Page.objects.live().public().type(*searchable_models()).search(query, backend="builtin")


@require_GET
def builtin_search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    language = request.GET.get("lang", "en")
    hits = builtin_hits(query)
    pages = list(hits[:PAGE_SIZE])
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    fields = results.api_fields()
    return JsonResponse(
        {
            "count": hits.count() if query else 0,
            "results": [
                results.pick(results.from_page(specific[page.pk], language), fields)
                for page in pages
                if page.pk in specific
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
