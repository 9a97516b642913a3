"""Who may see a restricted page, decided as Wagtail decides it, for lists and search.

Wagtail opens a login restriction to any signed-in user and a group restriction to
superusers and members of its groups. A password restriction opens only to whoever typed the
password on the page itself, so lists and search never show it. A page is visible only if
every restriction on it and its ancestors opens to the user.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Viewer:
    signed_in: bool = False
    superuser: bool = False
    groups: frozenset = frozenset()

    @classmethod
    def of(cls, user):
        if user is None or not user.is_authenticated:
            return cls()
        return cls(True, user.is_superuser, frozenset(user.groups.values_list("pk", flat=True)))


@dataclass(frozen=True)
class Restriction:
    kind: str
    groups: frozenset
    page_ids: frozenset  # the restricted page and its descendants

    def opens_to(self, viewer):
        from wagtail.models import PageViewRestriction

        if self.kind == PageViewRestriction.LOGIN:
            return viewer.signed_in
        if self.kind == PageViewRestriction.GROUPS:
            return viewer.superuser or bool(self.groups & viewer.groups)
        return False  # a password: never through a list


def restrictions(page_ids=None):
    """Every view restriction with the ids of the pages it covers (three queries);
    `page_ids` (a queryset of ids) narrows the pages counted, e.g. to the searchable ones."""
    from django.db.models import Q
    from wagtail.models import Page, PageViewRestriction

    rows = list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
    if not rows:
        return []
    covered = Page.objects.filter(Q.create([("path__startswith", row.page.path) for row in rows], connector=Q.OR))
    if page_ids is not None:
        covered = covered.filter(pk__in=page_ids)
    paths = list(covered.values_list("pk", "path"))
    return [
        Restriction(
            row.restriction_type,
            frozenset(group.pk for group in row.groups.all()),
            frozenset(pk for pk, path in paths if path.startswith(row.page.path)),
        )
        for row in rows
    ]


def hidden_from(viewer, restricted):
    """Ids of the pages `restricted` (from `restrictions()`) keeps from `viewer`."""
    hidden = set()
    for restriction in restricted:
        if not restriction.opens_to(viewer):
            hidden |= restriction.page_ids
    return hidden


def visible_to(user, pages):
    """`pages` (a queryset) without those the user may not see."""
    hidden = hidden_from(Viewer.of(user), restrictions(pages.values("pk")))
    return pages.exclude(pk__in=hidden) if hidden else pages


def visible_lists(user, *querysets):
    """Each queryset of pages as a list, without those the user may not see: the restrictions
    are read once for all of them (three queries), not once per list."""
    lists = [list(pages) for pages in querysets]
    page_ids = {page.pk for pages in lists for page in pages}
    if not page_ids:
        return lists
    hidden = hidden_from(Viewer.of(user), restrictions(page_ids))
    return [[page for page in pages if page.pk not in hidden] for pages in lists]


def view_restrictions(page):
    """Page.get_view_restrictions in one query, not two: the restrictions on the page and its
    ancestors, an alias's being its source page's, as Wagtail reads them (installed by
    caching.routes for every page: the check runs on every page served)."""
    from django.db.models.functions import Coalesce
    from wagtail.models import Page, PageViewRestriction

    path = page.path or ""  # a page being created has none yet
    paths = [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]
    guarding = Page.objects.filter(path__in=paths).annotate(source=Coalesce("alias_of_id", "id"))
    guarding = guarding.values_list("source", flat=True)
    return PageViewRestriction.objects.filter(page_id__in=guarding)
