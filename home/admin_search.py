"""The admin's page search, counted once.

Wagtail's page search (`wagtail.admin.views.pages.search.SearchView`) asks its backend three
times for the size of the same set of matches: the page types' facet, the paginator's count and
the "All (N)" / "There are N matching pages" count, each a full pass over the matches. At 20 000
practices a frequent word matches some 1 500 pages, and the two counts were a tenth of the page
(docs/performance.md, "Scale bench"). The facet holds both: every match counted by page type,
the total is their sum and a chosen type's count is its own.
"""

from wagtail.admin.views.pages.search import SearchView


class AdminPageSearchView(SearchView):
    def get_queryset(self):
        pages = super().get_queryset()
        if self.content_types:  # the backend supports facets and found matches
            counts = dict(self.content_types)
            total = sum(counts.values())
            chosen = counts.get(self.selected_content_type, 0) if self.selected_content_type else total
            # modelsearch's results cache their count here (BaseSearchResults.count).
            self.all_pages._count_cache = total
            pages._count_cache = chosen
        return pages
