"""Listings of a searchable type (practices, guides, news...), served by the index.

An index page asks `searchable.listings` for its listing; this app registers `page_listing`
there when it starts (search/apps.py), so the content apps never import search. A listing is
twenty pages at a time, newest first then by id (stable across pages), filtered by the facets
the type declares and counted by Elasticsearch as on the search page, under the same access
filter (search.visibility: fail-closed). When the node does not answer, the database lists
the same pages in the same order, filtered, without counts.
"""

import logging
import math
from dataclasses import dataclass

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils import translation
from elasticsearch.dsl import Q, Search

import searchable
from search import navigation
from search.client import UNAVAILABLE, get_client
from search.documents import PageDocument
from search.facets import MAX_VALUE_LENGTH
from search.limits import LISTING_PAGE_SIZE, MAX_RESULT_WINDOW
from search.params import access
from search.queries import PageSearch, SearchRequest, facet_counts, pages_only

logger = logging.getLogger(__name__)

ORDER = ("-first_published_at", "-pk")  # the database's order, the same as the index's


@dataclass
class Listing:
    items: list  # the pages shown, in order
    count: int
    filters: list  # [{name, label, selected, choices: [{value, label, count}]}]; count None when degraded
    pagination: dict | None
    degraded: bool = False


class ListingSearch(PageSearch):
    """The live pages of one type the visitor may see, newest first, with its facets counted."""

    grouped = False  # pages only (`pages_only`): each document is a page already

    def __init__(self, request, declaration):
        super().__init__(request)
        self.declaration = declaration
        self.facets = {facet.param: facet.index_field for facet in declaration.facets}

    def get_filter(self):
        return [*super().get_filter(), Q("term", type=self.declaration.name), pages_only()]

    def build(self):
        search = Search(using=get_client(), index=PageDocument.alias()).query(Q("bool", filter=self.get_filter()))
        search = search.sort({"published": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}})
        search = self.with_facet_counts(search).source(["page_id"])
        start = (self.request.page - 1) * self.request.page_size
        return search.extra(track_total_hits=True)[start : start + self.request.page_size]

    def execute(self):
        response = self.build().execute()
        ids = [hit.page_id for hit in response.hits]
        counts = {name: facet_counts(response.aggregations[name]) for name in self.facets}
        return response.hits.total.value, ids, counts


def chosen_filters(params, declaration):
    """{URL parameter: value} of the declared facets chosen. A value no term has (a link to a
    renamed term, a typo, a NUL) is dropped: the listing is shown unfiltered by it."""
    model = declaration.model
    filters = {}
    for facet in declaration.facets:
        value = params.get(facet.param, "").strip()
        if not value or len(value) > MAX_VALUE_LENGTH or "\x00" in value:
            continue
        if facet.term_model(model).objects.filter(**{facet.key: value}).exists():
            filters[facet.param] = value
    return filters


def page_number(params):
    """The page asked for; anything but a whole number from 1 up is the first page."""
    raw = params.get("page", "")
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) >= 1 else 1


def filter_options(declaration, filters, counts):
    """The facets' options for the filter form, each with its count when the index gave them."""
    model = declaration.model
    options = []
    for facet in declaration.facets:
        counted = {str(bucket["value"]): bucket["count"] for bucket in counts.get(facet.param, [])}
        choices = []
        for term in facet.term_model(model).objects.all():
            value = str(getattr(term, facet.key))
            count = counted.get(value, 0) if counts else None
            choices.append({"value": value, "label": facet.option_label(term)[0], "count": count})
        options.append(
            {"name": facet.param, "label": facet.label, "selected": filters.get(facet.param, ""), "choices": choices}
        )
    return options


def in_order(model, ids, declaration):
    """The live pages of `ids`, in that order, with what the listing shows of their terms."""
    relations = [facet.relation for facet in declaration.facets]
    pages = {page.pk: page for page in model.objects.live().filter(pk__in=ids).prefetch_related(*relations)}
    return [pages[pk] for pk in ids if pk in pages]


def index_listing(search_request, declaration, params):
    count, ids, counts = ListingSearch(search_request, declaration).execute()
    if search_request.page > max(1, math.ceil(count / search_request.page_size)):
        raise Http404("There is no such page of this listing.")
    return Listing(
        items=in_order(declaration.model, ids, declaration),
        count=count,
        filters=filter_options(declaration, search_request.filters, counts),
        pagination=navigation.pagination(count, search_request, params),
    )


def database_listing(search_request, declaration, params, index_page, degraded):
    """The same listing from the database: for a node that does not answer, and for pages
    deeper than the index lets a search reach (MAX_RESULT_WINDOW)."""
    pages = declaration.model.objects.child_of(index_page).live().exclude(pk__in=search_request.hidden)
    for facet in declaration.facets:
        value = search_request.filters.get(facet.param)
        if value:
            pages = pages.filter(**{f"{facet.relation}__{facet.key}": value})
    relations = [facet.relation for facet in declaration.facets]
    paginator = Paginator(pages.distinct().order_by(*ORDER).prefetch_related(*relations), search_request.page_size)
    try:
        page = paginator.page(search_request.page)
    except EmptyPage:
        if search_request.page == 1:
            page = paginator.page(1)
        else:
            raise Http404("There is no such page of this listing.") from None
    return Listing(
        items=list(page.object_list),
        count=paginator.count,
        filters=filter_options(declaration, search_request.filters, {}),
        pagination=navigation.pagination(paginator.count, search_request, params),
        degraded=degraded,
    )


def page_listing(request, index_page, model):
    declaration = searchable.type_for(model)
    levels, hidden = access(request.user)
    search_request = SearchRequest(
        language=translation.get_language() or "en",
        filters=chosen_filters(request.GET, declaration),
        page=page_number(request.GET),
        page_size=LISTING_PAGE_SIZE,
        access=levels,
        hidden=hidden,
    )
    if search_request.page * search_request.page_size > MAX_RESULT_WINDOW:
        return database_listing(search_request, declaration, request.GET, index_page, degraded=False)
    try:
        return index_listing(search_request, declaration, request.GET)
    except UNAVAILABLE as exc:
        logger.warning("Elasticsearch unavailable, listing from the database: %s", exc)
        return database_listing(search_request, declaration, request.GET, index_page, degraded=True)
