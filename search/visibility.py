"""Search fails closed: a hit is shown only if the database says this visitor may see it now.

The index may lag behind the database (a node down when a page was restricted, unpublished
or deleted, a change still queued). So every query excludes, by page id, the pages the
database says this visitor may not see: unpublished ones, deleted ones whose removal is
still queued, and those under a restriction that does not open to her (as Wagtail decides:
roles.restrictions). The exclusion is part of the query, so counts, facets and autocomplete
are right too; "Did you mean" is checked against it (search.queries).

What the database says is read once and cached (Django's cache), keyed by the state of the
index queue: every change that can alter visibility (publish, unpublish, delete, move, privacy
change) queues an index change in its transaction, so the key changes when it commits.
A search so costs one small indexed query (the queue's stamp) and one cache read, none per hit.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page

from roles.restrictions import Viewer, hidden_from, restrictions
from search.indexing import searchable_models
from search.models import IndexChange


@dataclass(frozen=True)
class Visibility:
    unpublished: frozenset  # searchable pages not live, and deleted ones still queued
    restricted: tuple  # roles.restrictions.Restriction over the live searchable pages
    # The index queue's state it was read at (stamp()): what later caches of answers that
    # depend on it key by, without reading the queue again (search.similar).
    stamp: str = ""

    def hidden_from(self, viewer):
        return self.unpublished | hidden_from(viewer, self.restricted)

    def opens_any_group_to(self, viewer):
        return any(r.groups and r.opens_to(viewer) for r in self.restricted)


def stamp():
    """Changes whenever an index change is queued or done: the cache key's version.

    The last id alone would miss a transaction that took its id before another but committed
    after it; the number waiting changes then too. Both read from indexes (the primary key,
    `done_at`) in one statement: every search asks, and a second round trip to the database
    was a tenth of a search's own CPU time (docs/performance.md)."""
    quote = connection.ops.quote_name
    table = quote(IndexChange._meta.db_table)
    pk, done_at = (quote(IndexChange._meta.get_field(name).column) for name in ("id", "done_at"))
    sql = f"SELECT (SELECT MAX({pk}) FROM {table}), (SELECT COUNT(*) FROM {table} WHERE {done_at} IS NULL)"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        last, waiting = cursor.fetchone()
    return f"{last or 0}.{waiting}"


def read(state=""):
    pages = Page.objects.exact_type(*searchable_models())
    unpublished = set(pages.filter(live=False).values_list("pk", flat=True))
    queued = set(IndexChange.objects.filter(done_at__isnull=True).values_list("page_id", flat=True))
    if queued:
        unpublished |= queued - set(Page.objects.filter(pk__in=queued).values_list("pk", flat=True))
    return Visibility(frozenset(unpublished), tuple(restrictions(pages.filter(live=True).values("pk"))), state)


def current():
    state = stamp()
    key = f"search-visibility:{settings.SEARCH_INDEX_PREFIX}:{state}"
    visibility = cache.get(key)
    if visibility is None:
        visibility = read(state)
        cache.set(key, visibility, settings.SEARCH_VISIBILITY_TTL)
    return visibility


def for_user(user):
    """(the Viewer, the ids of the pages hidden from her, sorted)."""
    viewer = Viewer.of(user)
    visibility = current()
    return viewer, visibility, sorted(visibility.hidden_from(viewer))
