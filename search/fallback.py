"""When Elasticsearch is down: Wagtail's database search over the same pages and texts (the
models' `search_fields` are derived from the same declarations as the index)."""

from search import results
from search.indexing import searchable_pages
from search.queries import SearchResults


def database_search(request):
    # What the database hides from this visitor (search.visibility), as in the index's query.
    pages = searchable_pages().exclude(pk__in=request.hidden)
    if not request.query:
        return SearchResults(count=0, results=[], facets={}, degraded=True)
    hits = list(pages.search(request.query, operator="or"))
    start = (request.page - 1) * request.page_size
    return SearchResults(
        count=len(hits),
        results=[
            results.from_page(page.specific, request.language) for page in hits[start : start + request.page_size]
        ],
        facets={},
        degraded=True,
    )
