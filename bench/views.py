"""A minimal search API over Wagtail's built-in Elasticsearch 8 backend, for comparison.

What a site gets from `Page.objects.live().search(q)`: no facets, no highlights, no filters,
public pages only; the result fields are the same as `/api/v1/search/` returns.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from practices.models import GuidePage, PracticePage, ScreeningToolPage
from search.fallback import result

# The page types our index holds, so both search the same pages.
SEARCHED_TYPES = (PracticePage, GuidePage, ScreeningToolPage)

PAGE_SIZE = 20


def builtin_hits(query):
    if not query:
        return Page.objects.none()
    return Page.objects.live().public().type(*SEARCHED_TYPES).search(query, backend="builtin")


@require_GET
def builtin_search(request):
    query = request.GET.get("q", "").strip()[:256]
    language = request.GET.get("lang", "en")
    hits = builtin_hits(query)
    pages = list(hits[:PAGE_SIZE])
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return JsonResponse(
        {
            "count": hits.count() if query else 0,
            "results": [
                {
                    key: value
                    for key, value in result(specific[page.pk], language).items()
                    if key not in {"page_id", "snippet_is_html"}
                }
                for page in pages
                if page.pk in specific
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
