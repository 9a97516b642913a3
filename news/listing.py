"""The news index's listing: news and events together, newest first, filtered by Beneficiary
and year, 20 to a page. Each page type says which field dates it (`date_field`) and how it
reaches a Beneficiary's code (`beneficiary_lookup`), so this module names no model."""

from itertools import chain

from django.core.paginator import Paginator

from practices.models import Beneficiary
from roles.restrictions import visible_to

PER_PAGE = 20
# The same URL parameter as search's Beneficiary facet (practices/search_types.py).
BENEFICIARY_PARAM = "beneficiary"


class NewsListing:
    def __init__(self, params, user, querysets):
        """`querysets`: the live items of each type, before any filter."""
        self.params = params
        self.user = user
        self.querysets = querysets

    @property
    def beneficiary(self):
        return self.params.get(BENEFICIARY_PARAM, "")

    @property
    def year(self):
        value = self.params.get("year", "")
        return int(value) if value.isdigit() else None

    def beneficiary_options(self):
        return [(b.code, b.display_name) for b in Beneficiary.objects.all()]

    def year_options(self):
        years = {day.year for items in self.querysets for day in items.dates(items.model.date_field, "year")}
        return sorted(years, reverse=True)

    def filtered(self, items):
        # As Wagtail decides for this visitor: a restricted item only for its groups.
        items = visible_to(self.user, items)
        if self.beneficiary:
            items = items.filter(**{items.model.beneficiary_lookup: self.beneficiary})
        if self.year:
            items = items.filter(**{f"{items.model.date_field}__year": self.year})
        return items.distinct()

    def items(self):
        """Every matching item of every type, newest first (by the date each type is dated by)."""
        merged = chain.from_iterable(self.filtered(items) for items in self.querysets)
        return sorted(merged, key=lambda item: (item.listing_date, item.pk), reverse=True)

    def page(self):
        return Paginator(self.items(), PER_PAGE).get_page(self.params.get("page"))

    def query_without_page(self):
        """The filters as a query string, for the pagination links."""
        params = self.params.copy()
        params.pop("page", None)
        return params.urlencode()
