"""Index pages that list a searchable type (practices, guides, news): what they ask for.

The content apps sit below search (docs/architecture.md), so an index page cannot call it.
It asks this registry instead, and the search app, when it starts, registers the function
that serves listings from the index (search/listing.py). An index page only names the type
it lists:

    class NewsIndexPage(ListsPages, Page):
        listed_type = "news.NewsPage"

and its template reads `listing` (docs/search.md, "Listings").
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

_server = None


def serve_with(function):
    """Register `function(request, index_page, model)`, which returns the listing's context."""
    global _server
    _server = function


def listing(request, index_page, model):
    if _server is None:
        raise ImproperlyConfigured("No app serves listings: the search app registers one when it starts.")
    return _server(request, index_page, model)


class ListsPages:
    """A page mixin: its context's `listing` is a page of the `listed_type` pages below it."""

    listed_type = ""  # "app_label.ModelName" of a type declared searchable

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing(request, self, apps.get_model(self.listed_type))
        return context
