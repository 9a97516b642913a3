"""Index pages that list a searchable type (practices, guides, news): what they ask for.

The content apps sit below search (docs/architecture.md), so an index page cannot call it.
It asks this registry instead, and the search app, when it starts, registers the function
that serves listings from the index (search/listing.py). An index page only names the types
it lists (several are merged, newest first) and whether a year filters them:

    class NewsIndexPage(ListsPages, Page):
        listed_types = ("news.NewsPage", "news.EventPage")
        listed_by_year = True

and its template reads `listing` (docs/search.md, "Listings").
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

_server = None


def serve_with(function):
    """Register `function(request, index_page, models, by_year)`, which returns the listing's context."""
    global _server
    _server = function


def listing(request, index_page, models, by_year=False):
    if _server is None:
        raise ImproperlyConfigured("No app serves listings: the search app registers one when it starts.")
    return _server(request, index_page, models, by_year)


class ListsPages:
    """A page mixin: its context's `listing` is a page of the `listed_types` pages below it."""

    listed_types = ()  # "app_label.ModelName" of each type listed, all declared searchable
    listed_type = ""  # the same, when it lists one type
    listed_by_year = False  # whether the year facet filters the listing too

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        models = [apps.get_model(label) for label in self.listed_types or (self.listed_type,)]
        context["listing"] = listing(request, self, models, self.listed_by_year)
        return context
