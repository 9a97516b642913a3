"""Counting searches and opened results, a row per query and day: never who searched.

Recording must never fail or slow a search: each count is one UPDATE (an INSERT the first time
that day) in its own savepoint, and any error is logged and swallowed."""

import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from curation.models import QUERY_LENGTH, OpenedDay, SearchDay

logger = logging.getLogger(__name__)


def normalise(query):
    """The query as editors read it: lower case, single spaces (the script and diacritics kept)."""
    return " ".join((query or "").lower().split())[:QUERY_LENGTH]


def record_search(query, language, count):
    query = normalise(query)
    if query:
        increment(SearchDay, {"language": language, "query": query}, searches=1, zero_results=int(count == 0))


def record_open(query, language, position):
    query = normalise(query)
    if query and position > 0:
        increment(OpenedDay, {"language": language, "query": query, "position": position}, opens=1)


def increment(model, key, **amounts):
    key = {"day": timezone.localdate(), **key}
    try:
        with transaction.atomic():
            if add(model, key, amounts):
                return
            try:
                with transaction.atomic():
                    model.objects.create(**key, **amounts)
            except IntegrityError:  # another request created today's row first
                add(model, key, amounts)
    except Exception:
        logger.exception("search analytics not recorded")


def add(model, key, amounts):
    return model.objects.filter(**key).update(**{name: F(name) + amount for name, amount in amounts.items()})
