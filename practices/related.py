"""The related pages editors store on a page (its ParentalManyToManyFields), live only.

A list of related practices or guides is one wide query (every translated column of both page
tables), a fifth of a practice page's server time even when the list is empty, as it most
often is. The link tables are read first, all lists in one narrow query; a page list is asked
for only when it has links.
"""

from collections import defaultdict

from django.db.models import Value


def live_related(page, *names):
    """The live pages in each of `page`'s many-to-many fields `names`, in order: a queryset, or
    an empty list (not `.none()`, which still compiles every column of the page tables)."""
    if any(name in getattr(page, "_cluster_related_objects", {}) for name in names):
        # Unsaved choices (a preview): they are not in the link tables yet.
        return [getattr(page, name).live() for name in names]
    fields = [page._meta.get_field(name) for name in names]
    links = [
        field.remote_field.through.objects.filter(**{field.m2m_field_name(): page.pk})
        .annotate(position=Value(position))
        .values_list("position", field.m2m_reverse_field_name())
        for position, field in enumerate(fields)
    ]
    linked = defaultdict(list)
    for position, pk in links[0].union(*links[1:], all=True):
        linked[position].append(pk)
    return [
        field.related_model.objects.live().filter(pk__in=linked[position]) if linked[position] else []
        for position, field in enumerate(fields)
    ]
