"""Which pages editors promote for a query: its folded form (capitals, diacritics and script
do not matter), in the visitor's language or for all, within the picks' dates.

Every search asks, so the picks are kept per process, as the synonyms are: a save or delete
(signals.py) writes a new version into the shared cache (versions.py), and every process reads
them again at its next search."""

import time
from collections import defaultdict

from django.utils import timezone

from curation import versions
from languages.transliteration import fold

CACHE_SECONDS = 60
VERSION_KEY = "curation:picks:version"
_cache = {"loaded": None, "version": None, "picks": {}}


def picks_by_key():
    """{folded query: [(language, starts, ends, page id)] in the editors' order}."""
    if versions.stale(_cache, VERSION_KEY, CACHE_SECONDS):
        version = versions.current(VERSION_KEY)
        from curation.models import Pick

        picks = defaultdict(list)
        for row in Pick.objects.order_by("sort_order", "pk").values_list(
            "query_key", "language", "starts", "ends", "page_id"
        ):
            picks[row[0]].append(row[1:])
        _cache.update(loaded=time.monotonic(), version=version, picks=dict(picks))
    return _cache["picks"]


def clear_cache(**_kwargs):
    """A save or delete (signals.py): read again here, and in every process sharing the cache."""
    _cache["loaded"] = None
    versions.renew(VERSION_KEY)


def picked_page_ids(query, language, today=None):
    """The ids of the pages picked for `query`, in the editors' order, each once."""
    candidates = picks_by_key().get(fold(query))
    if not candidates:
        return []
    today = today or timezone.localdate()
    current = (
        page_id
        for pick_language, starts, ends, page_id in candidates
        if pick_language in ("", language) and (starts or today) <= today <= (ends or today)
    )
    return list(dict.fromkeys(current))
