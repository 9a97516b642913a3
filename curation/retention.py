"""How long search analytics are kept (`SEARCH_ANALYTICS_RETENTION_DAYS`, 180 by default)."""

import datetime

from django.conf import settings
from django.utils import timezone

from curation.models import OpenedDay, SearchDay


def cutoff(today=None):
    return (today or timezone.localdate()) - datetime.timedelta(days=settings.SEARCH_ANALYTICS_RETENTION_DAYS)


def purge(today=None):
    """Deletes the days older than the retention; returns how many rows went."""
    before = cutoff(today)
    searches, _ = SearchDay.objects.filter(day__lt=before).delete()
    opens, _ = OpenedDay.objects.filter(day__lt=before).delete()
    return searches + opens
