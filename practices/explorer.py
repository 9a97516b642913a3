"""The admin explorer of the practice index: the one page listing that grows with the corpus.

Wagtail's explorer renders 50 rows a page and counts the children with `COUNT(*)`. At 20 000
practices both grew with the corpus (docs/performance.md, "Scale bench"): a row costs about
1.5 ms (its title cell and menu of actions are most of it) and the count read every child.
Here, through Wagtail's own extension point (a `PageViewSet` whose listing serves the children
of its parent models), the practice index lists 20 rows a page, as the admin search and the
public listings do, and takes the count from the parent's `numchild` when nothing narrows the
listing and the editor may see every child.
"""

from wagtail import hooks
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet

from practices.models import PracticePage

ROWS_PER_PAGE = 20


class PracticeExplorerView(ExplorableIndexView):
    paginate_by = ROWS_PER_PAGE

    def counts_every_child(self):
        """Whether the listing is exactly the parent's children: not searched or filtered,
        no hook narrowing it, and the editor may explore them all (permissions held on the
        parent or above open its whole subtree)."""
        if self.is_searching or self.is_filtering or hooks.get_hooks("construct_explorer_page_queryset"):
            return False
        return self.request.user.is_superuser or bool(self.permissions.permissions)

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.counts_every_child():
            paginator.count = self.parent_page.numchild  # a cached_property: told, not asked
        return paginator


class PracticeViewSet(PageViewSet):
    model = PracticePage
    index_view_class = PracticeExplorerView
