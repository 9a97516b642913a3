"""The related pages editors store on a page (its ParentalManyToManyFields), live only.

A list of related practices or guides is one wide query (every translated column of both page
tables), a fifth of a practice page's server time even when the list is empty, as it most
often is. The link tables are read first, all lists in one narrow query; a page list is asked
for only when it has links. The links are written with a page's revision, so they are
remembered per live and latest revision (Django's cache); whether each linked page is still live
is asked on every view.
"""

from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Value


def live_related(page, *names):
    """The live pages in each of `page`'s many-to-many fields `names`, in order: a queryset, or
    an empty list (not `.none()`, which still compiles every column of the page tables)."""
    if any(name in getattr(page, "_cluster_related_objects", {}) for name in names):
        # Unsaved choices (a preview): they are not in the link tables yet.
        return [getattr(page, name).live() for name in names]
    fields = [page._meta.get_field(name) for name in names]
    linked = remembered_links(page, fields)
    return [
        field.related_model.objects.live().filter(pk__in=linked[position]) if linked.get(position) else []
        for position, field in enumerate(fields)
    ]


def remembered_links(page, fields):
    """{position of the field: [linked page ids]}, read once per revision of the page."""
    if page.live_revision_id is None:  # never published through a revision: nothing to key by
        return read_links(page, fields)
    names = ",".join(field.name for field in fields)
    key = f"related-links:{page.pk}:{page.live_revision_id}:{page.latest_revision_id}:{names}"
    return cache.get_or_set(key, lambda: read_links(page, fields), settings.FRAGMENT_CACHE_SECONDS)


def read_links(page, fields):
    links = [
        field.remote_field.through.objects.filter(**{field.m2m_field_name(): page.pk})
        .annotate(position=Value(position))
        .values_list("position", field.m2m_reverse_field_name())
        for position, field in enumerate(fields)
    ]
    linked = defaultdict(list)
    for position, pk in links[0].union(*links[1:], all=True):
        linked[position].append(pk)
    return dict(linked)
