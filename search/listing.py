"""Listings of searchable types (practices, guides, news and events...), served by the index.

An index page asks `searchable.listings` for its listing; this app registers `page_listing`
there when it starts (search/apps.py), so the content apps never import search. A listing is
twenty pages at a time, newest first (by the date each type declares) then by id (stable
across pages), filtered by the facets the types declare (and the year, if the index page asks)
and counted by Elasticsearch as on the search page, under the same access filter
(search.visibility: fail-closed). When the node does not answer, the database lists the same
pages in the same order, filtered, without counts.
"""

import logging
import math
from dataclasses import dataclass

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import Q

import searchable
from search import followups, grouping, navigation
from search.client import UNAVAILABLE
from search.facets import MAX_VALUE_LENGTH, YEAR
from search.hits import aggregations as aggregations_of
from search.limits import LISTING_PAGE_SIZE, MAX_RESULT_WINDOW
from search.newest_first import NewestFirst
from search.params import access
from search.queries import NEWEST_FIRST, PageSearch, SearchRequest, facet_counts, pages_only

logger = logging.getLogger(__name__)
YEAR_PARAM = "year"  # the search page's year facet (search.facets)


@dataclass
class Listing:
    items: list  # the pages shown, in order
    count: int
    filters: list  # [{name, label, selected, choices: [{value, label, count}]}]; count None when degraded
    pagination: dict | None
    degraded: bool = False


@dataclass
class Listed:
    """What an index page lists: the declarations of its types, and whether a year filters them."""

    declarations: list
    by_year: bool = False

    def facets(self):
        """{URL parameter: (facet, the page model that declared it first)}."""
        found = {}
        for declaration in self.declarations:
            for facet in declaration.facets:
                found.setdefault(facet.param, (facet, declaration.model))
        return found

    def index_fields(self):
        """{URL parameter: document field} of what filters and is counted."""
        fields = {param: facet.index_field for param, (facet, _model) in self.facets().items()}
        return fields | ({YEAR_PARAM: "year"} if self.by_year else {})


class ListingSearch(PageSearch):
    """The live pages of the listed types the visitor may see, newest first, with their facets counted."""

    grouped = False  # pages only (`pages_only`): each document is a page already

    def __init__(self, request, listed):
        super().__init__(request)
        self.listed = listed
        self.facets = listed.index_fields()

    def get_filter(self):
        names = [declaration.name for declaration in self.listed.declarations]
        return [*super().get_filter(), Q("terms", type=names), pages_only()]

    def build(self):
        """A page of the listing (its counts: `counting`)."""
        # A listing has no words: `matching` is the listed pages the visitor may see.
        search = self.matching().sort(NEWEST_FIRST, {"page_id": {"order": "desc"}})
        search = self.with_choices(search).source(["page_id", "type"])
        start = (self.request.page - 1) * self.request.page_size
        return search.extra(track_total_hits=False)[start : start + self.request.page_size]

    def counting(self):
        """The listing's count and its facets' options, without pages: the node keeps a search
        that returns no hits in its request cache until the index changes, and every page of a
        listing has the same counts, so only the first page of a listing is counted. The
        visitor's access is part of the query, so of the cache's key."""
        search = self.with_counts(self.matching())
        return search.extra(size=0, track_total_hits=False).params(request_cache=True)

    def execute(self):
        response, counted = followups.together(self.build(), self.counting())
        found = [(hit.type, hit.page_id) for hit in response.hits]
        aggregations = aggregations_of(counted)
        counts = {name: facet_counts(aggregations, name) for name in self.facets}
        return grouping.matched_count(aggregations), found, counts


def chosen_filters(params, listed):
    """{URL parameter: value} of the facets chosen. A value no term has (a link to a renamed
    term, a typo, a NUL) is dropped: the listing is shown unfiltered by it."""
    filters = {}
    for param, (facet, model) in listed.facets().items():
        value = params.get(param, "").strip()
        if not value or len(value) > MAX_VALUE_LENGTH or "\x00" in value:
            continue
        if facet.term_model(model).objects.filter(**{facet.key: value}).exists():
            filters[param] = value
    year = params.get(YEAR_PARAM, "").strip()
    if listed.by_year and YEAR.fullmatch(year):
        filters[YEAR_PARAM] = year
    return filters


def page_number(params):
    """The page asked for; anything but a whole number from 1 up is the first page."""
    raw = params.get("page", "")
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) >= 1 else 1


def filter_options(listed, filters, counts, years=()):
    """The facets' options for the filter form, each with its count when the index gave them;
    the year's options are the years counted (or `years`, from the database)."""
    options = []
    for param, (facet, model) in listed.facets().items():
        counted = {str(bucket["value"]): bucket["count"] for bucket in counts.get(param, [])}
        choices = []
        for term in facet.term_model(model).objects.all():
            value = str(getattr(term, facet.key))
            count = counted.get(value, 0) if counts else None
            choices.append({"value": value, "label": facet.option_label(term)[0], "count": count})
        options.append({"name": param, "label": facet.label, "selected": filters.get(param, ""), "choices": choices})
    if listed.by_year:
        counted = {str(bucket["value"]): bucket["count"] for bucket in counts.get(YEAR_PARAM, [])}
        values = sorted(counted or {str(year) for year in years}, reverse=True)
        choices = [{"value": year, "label": year, "count": counted.get(year)} for year in values]
        options.append(
            {"name": YEAR_PARAM, "label": _("Year"), "selected": filters.get(YEAR_PARAM, ""), "choices": choices}
        )
    return options


def in_order(listed, hits):
    """The live pages of `hits` ((type, id) in order), with what the listing shows of their terms."""
    pages = {}
    for declaration in listed.declarations:
        ids = [pk for name, pk in hits if name == declaration.name]
        found = declaration.model.objects.live().filter(pk__in=ids).prefetch_related(*relations(declaration))
        pages |= {page.pk: page for page in found}
    return [pages[pk] for _name, pk in hits if pk in pages]


def index_listing(search_request, listed, params):
    count, hits, counts = ListingSearch(search_request, listed).execute()
    if search_request.page > max(1, math.ceil(count / search_request.page_size)):
        raise Http404("There is no such page of this listing.")
    return Listing(
        items=in_order(listed, hits),
        count=count,
        filters=filter_options(listed, search_request.filters, counts),
        pagination=navigation.pagination(count, search_request, params),
    )


def database_pages(declaration, search_request, index_page):
    """The live pages of one listed type below `index_page` the visitor may see, filtered.

    A facet filters by a subquery of ids, not a join: a page is listed once however many of its
    terms match, without a DISTINCT over every column of every page (at 20 000 practices an
    on-disk sort of 20 MB for the count and again for the page: docs/performance.md)."""
    pages = declaration.model.objects.child_of(index_page).live().exclude(pk__in=search_request.hidden)
    for facet in declaration.facets:
        value = search_request.filters.get(facet.param)
        if value:
            matching = declaration.model.objects.filter(**{f"{facet.relation}__{facet.key}": value})
            pages = pages.filter(pk__in=matching.values("pk"))
    if search_request.filters.get(YEAR_PARAM):
        pages = pages.filter(**declaration.year_lookup(int(search_request.filters[YEAR_PARAM])))
    return pages


def database_years(listed, index_page):
    """The years of the listed pages, for the year filter's options without the index."""
    years = set()
    for declaration in listed.declarations:
        pages = declaration.model.objects.child_of(index_page).live()
        years |= {day.year for day in pages.dates(declaration.date_field, "year")}
    return years


def database_listing(search_request, listed, params, index_page, degraded):
    """The same listing from the database: for a node that does not answer, and for pages
    deeper than the index lets a search reach (MAX_RESULT_WINDOW)."""
    parts = [
        (database_pages(declaration, search_request, index_page), declaration.date_field, relations(declaration))
        for declaration in listed.declarations
    ]
    paginator = Paginator(NewestFirst(parts), search_request.page_size)
    try:
        page = paginator.page(search_request.page)
    except EmptyPage:
        if search_request.page == 1:
            page = paginator.page(1)
        else:
            raise Http404("There is no such page of this listing.") from None
    years = database_years(listed, index_page) if listed.by_year else ()
    return Listing(
        items=list(page.object_list),
        count=paginator.count,
        filters=filter_options(listed, search_request.filters, {}, years),
        pagination=navigation.pagination(paginator.count, search_request, params),
        degraded=degraded,
    )


def relations(declaration):
    return [facet.relation for facet in declaration.facets]


def page_listing(request, index_page, models, by_year=False):
    listed = Listed([searchable.type_for(model) for model in models], by_year)
    levels, hidden = access(request.user)
    search_request = SearchRequest(
        language=translation.get_language() or "en",
        filters=chosen_filters(request.GET, listed),
        page=page_number(request.GET),
        page_size=LISTING_PAGE_SIZE,
        access=levels,
        hidden=hidden,
    )
    if search_request.page * search_request.page_size > MAX_RESULT_WINDOW:
        return database_listing(search_request, listed, request.GET, index_page, degraded=False)
    try:
        return index_listing(search_request, listed, request.GET)
    except UNAVAILABLE as exc:
        logger.warning("Elasticsearch unavailable, listing from the database: %s", exc)
        return database_listing(search_request, listed, request.GET, index_page, degraded=True)
