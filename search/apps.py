from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = "Search"

    def ready(self):
        from search import signals
        from search.listing import page_listing
        from searchable import listings

        signals.connect()
        listings.serve_with(page_listing)
