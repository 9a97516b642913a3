"""Counting searches and opened results, a row per query and day: never who searched.

Recording must never fail or slow a search: each count is one statement (an upsert: one round
trip, and two first searches of a day cannot race), and any error is logged and swallowed."""

import logging

from django.db import connection, transaction
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
        if connection.in_atomic_block:
            with transaction.atomic():  # a savepoint: a failure must not break the caller's transaction
                upsert(model, key, amounts)
        else:
            upsert(model, key, amounts)  # one statement, committed on its own
    except Exception:
        logger.exception("search analytics not recorded")


def upsert(model, key, amounts):
    """INSERT … ON CONFLICT (the row's unique key) DO UPDATE adding `amounts` (PostgreSQL, SQLite).

    Django's bulk_create(update_conflicts=True) can only overwrite a count, not add to it."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    column = {name: quote(model._meta.get_field(name).column) for name in (*key, *amounts)}
    inserted = ", ".join(column[name] for name in (*key, *amounts))
    placeholders = ", ".join(["%s"] * (len(key) + len(amounts)))
    conflict = ", ".join(column[name] for name in key)
    added = ", ".join(f"{column[name]} = {table}.{column[name]} + excluded.{column[name]}" for name in amounts)
    sql = f"INSERT INTO {table} ({inserted}) VALUES ({placeholders}) ON CONFLICT ({conflict}) DO UPDATE SET {added}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*key.values(), *amounts.values()])
