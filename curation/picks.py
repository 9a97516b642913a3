"""Which pages editors promote for a query: its folded form (capitals, diacritics and script
do not matter), in the visitor's language or for all, within the picks' dates.

Every search asks, so the picks are kept per process, as the synonyms are: a save or delete
clears them at once in this process (signals.py), other processes re-read within CACHE_SECONDS."""

import time
from collections import defaultdict

from django.utils import timezone

from languages.transliteration import fold

CACHE_SECONDS = 60
_cache = {"loaded": None, "picks": {}}


def picks_by_key():
    """{folded query: [(language, starts, ends, page id)] in the editors' order}."""
    if _cache["loaded"] is None or time.monotonic() - _cache["loaded"] > CACHE_SECONDS:
        from curation.models import Pick

        picks = defaultdict(list)
        for row in Pick.objects.order_by("sort_order", "pk").values_list(
            "query_key", "language", "starts", "ends", "page_id"
        ):
            picks[row[0]].append(row[1:])
        _cache.update(loaded=time.monotonic(), picks=dict(picks))
    return _cache["picks"]


def clear_cache(**_kwargs):
    _cache["loaded"] = None


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
