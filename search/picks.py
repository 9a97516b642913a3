"""Editor's picks on a search (curation.picks): shown first and marked, only pages the visitor
may see now, and never again further down.

Picks answer a query as typed: a search narrowed by facets shows the ranking alone."""

from dataclasses import replace

from wagtail.models import Page

import searchable
from curation.picks import picked_page_ids
from search import results


def chosen(request):
    """The live pages picked for this search that the database does not hide from the visitor
    (search.visibility: unpublished, deleted, or under a restriction closed to her), in order."""
    if not request.query or request.filters:
        return []
    hidden = set(request.hidden)
    ids = [pk for pk in picked_page_ids(request.query, request.language) if pk not in hidden]
    if not ids:
        return []
    pages = Page.objects.live().filter(pk__in=ids).specific().in_bulk()
    return [pages[pk] for pk in ids if pk in pages and searchable.type_for(type(pages[pk]))]


def with_picks(request, run):
    """`run(request)`'s results, with the picks first on page 1 and left out of the ranking."""
    pages = chosen(request)
    if not pages:
        return run(request)
    found = run(replace(request, hidden=[*request.hidden, *(page.pk for page in pages)]))
    if request.page == 1:
        found.results = [{**results.from_page(page, request.language), "pick": True} for page in pages] + found.results
    found.count += len(pages)
    return found
