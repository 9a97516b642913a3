"""When Elasticsearch is down: Wagtail's database search over the same pages and texts (the
models' `search_fields` are derived from the same declarations as the index)."""

from search import results
from search.indexing import searchable_pages
from search.queries import SearchResults


def database_search(request):
    pages = searchable_pages()
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
        results=[
            results.from_page(page.specific, request.language) for page in hits[start : start + request.page_size]
        ],
        facets={},
        degraded=True,
    )
