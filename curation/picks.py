"""Which pages editors promote for a query: its folded form (capitals, diacritics and script
do not matter), in the visitor's language or for all, within the picks' dates."""

from django.db.models import Q
from django.utils import timezone

from curation.models import Pick
from languages.transliteration import fold


def picked_page_ids(query, language, today=None):
    """The ids of the pages picked for `query`, in the editors' order, each once."""
    key = fold(query)
    if not key:
        return []
    today = today or timezone.localdate()
    rows = (
        Pick.objects.filter(query_key=key, language__in=("", language))
        .filter(Q(starts__isnull=True) | Q(starts__lte=today), Q(ends__isnull=True) | Q(ends__gte=today))
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )
    return list(dict.fromkeys(rows))
