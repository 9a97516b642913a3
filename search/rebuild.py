"""Zero-downtime rebuilds: fill a new index while the old one answers, then swap aliases.

While the new index fills, the live one keeps receiving every change (the write alias stays
on it); the changes queued meanwhile (search.outbox) are replayed into the new index before
the swap, and once more after it. One rebuild at a time (`lock`); one interrupted leaves a
half-built index behind no alias, which the next rebuild deletes.
"""

import fcntl
import logging
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk

from search import outbox
from search.client import get_client
from search.documents import PageDocument
from search.indexing import BATCH, Shared, index_actions, report_errors, searchable_pages

logger = logging.getLogger(__name__)

SENDERS = 2  # bulk requests in flight while the next batch is prepared
FILLING = {"refresh_interval": "-1", "translog.durability": "async"}  # set back to defaults after
# Merging the filled index takes seconds per 10 000 pages (6 s for 20 000 on 2 cores): far
# beyond a visitor's search timeout, and the old index answers meanwhile.
MERGE_TIMEOUT = 1800


class RebuildRunning(RuntimeError):
    pass


def indices_behind(alias):
    try:
        return sorted(get_client().indices.get_alias(name=alias))
    except NotFoundError:
        return []


def move_alias(alias, to_index, actions=None):
    old = indices_behind(alias)
    actions = list(actions or [])
    actions += [{"remove": {"index": name, "alias": alias}} for name in old]
    actions.append({"add": {"index": to_index, "alias": alias}})
    return old, actions


@contextmanager
def lock():
    """One rebuild at a time per index family. PostgreSQL: an advisory lock, which the server
    releases if the process dies; other databases (development): a file lock on this machine."""
    name = f"search-rebuild:{settings.SEARCH_INDEX_PREFIX}"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [name])
            if not cursor.fetchone()[0]:
                raise RebuildRunning(f"another rebuild of {PageDocument.alias()} is running")
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [name])
        return
    path = os.path.join(tempfile.gettempdir(), f"{name.replace(':', '-')}.lock")
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RebuildRunning(f"another rebuild of {PageDocument.alias()} is running") from None
        yield


def rebuild(progress=None):
    with lock():
        return rebuild_locked(progress)


def rebuild_locked(progress=None):
    client = get_client()
    delete_abandoned()
    mark = outbox.last_id()  # changes queued after this are replayed into the new index
    new_index = PageDocument.create_index(PageDocument.new_index_name())
    # While filling, no refreshes (nobody reads the new index until the swap) and no fsync
    # per bulk request: a crash loses at most the last seconds, which check_search_index
    # --fix restores (or the rebuild is rerun).
    client.indices.put_settings(index=new_index, settings={"index": FILLING})
    page_ids = list(searchable_pages().order_by("path").values_list("pk", flat=True))
    fill(client, new_index, page_ids, progress)
    client.indices.put_settings(index=new_index, settings={"index": dict.fromkeys(FILLING)})
    client.indices.refresh(index=new_index)
    mark = catch_up(new_index, mark)
    merge(client, new_index)  # after the replay, whose updates would leave a segment of their own

    # One atomic swap of both aliases, then what reached the old index meanwhile, then the
    # old indices go.
    old_read, actions = move_alias(PageDocument.alias(), new_index)
    old_write, actions = move_alias(PageDocument.write_alias(), new_index, actions)
    client.indices.update_aliases(actions=actions)
    catch_up(new_index, mark)
    retired = sorted(set(old_read + old_write) - {new_index})
    if retired:
        wait_for_searches(retired)
        client.indices.delete(index=",".join(retired), ignore_unavailable=True)
    return new_index, len(page_ids)


def merge(client, index):
    """Merges the filled `index` into one segment before it goes live. A search pays per
    segment for its typo-tolerant terms and its facets' ordinals: at 20 000 pages the node's
    `took` fell by a fifth (12.1 -> 9.5 ms mean) once the four segments a fill leaves were one
    (docs/performance.md). Later changes add small segments, which Elasticsearch merges as usual."""
    client.options(request_timeout=MERGE_TIMEOUT).indices.forcemerge(index=index, max_num_segments=1)


def catch_up(index, mark):
    """Replay into `index` the changes queued after `mark` and those still pending (each one
    re-reads the page, so a replay is never stale). Returns the new mark."""
    changes = outbox.since(mark)
    for start in range(0, len(changes), BATCH):
        outbox.process(changes[start : start + BATCH], index=index)
    return max([mark, *(change.pk for change in changes)])


def delete_abandoned():
    """Indices of this family behind no alias: left by an interrupted rebuild (refresh off,
    half full). Called under the lock, so never a rebuild's index in progress."""
    client = get_client()
    try:
        family = client.indices.get_alias(index=f"{PageDocument.alias()}-2*")
    except NotFoundError:
        return
    abandoned = sorted(name for name, info in family.items() if not info.get("aliases"))
    if abandoned:
        logger.warning("deleting %d index(es) left by an interrupted rebuild: %s", len(abandoned), abandoned)
        client.indices.delete(index=",".join(abandoned), ignore_unavailable=True)


def fill(client, index, page_ids, progress=None):
    """Bulk-index the pages into `index`: the node analyses one batch while the next is read
    and prepared.

    Pages are read and documents prepared here, in the calling thread (they read the
    database, whose connections belong to this thread); only the bulk requests go to the
    sending threads. Restrictions are read per batch (one query), so a batch prepared late
    in a long fill sees a restriction added meanwhile."""
    with ThreadPoolExecutor(max_workers=SENDERS) as sender:
        in_flight = []
        for start in range(0, len(page_ids), BATCH):
            pages = searchable_pages().filter(pk__in=page_ids[start : start + BATCH]).specific()
            actions = index_actions(pages, index, Shared.read())
            if len(in_flight) == SENDERS:
                report_errors(in_flight.pop(0).result()[1])
            in_flight.append(sender.submit(bulk, client, actions, raise_on_error=False))
            if progress:
                progress.update(len(actions))
        for sending in in_flight:
            report_errors(sending.result()[1])


def wait_for_searches(indices, poll=0.1):
    """Let searches that reached `indices` before the alias swap finish before they go.

    Deleting an index under a running search fails that search (HTTP 503). A search lasts
    at most SEARCH_TIMEOUT; two idle readings in a row end the wait early.
    """
    client = get_client()
    deadline = time.monotonic() + settings.SEARCH_TIMEOUT
    idle = 0
    while idle < 2 and time.monotonic() < deadline:
        stats = client.indices.stats(index=",".join(indices), metric="search")["_all"]["total"]["search"]
        idle = idle + 1 if stats["query_current"] + stats["fetch_current"] == 0 else 0
        time.sleep(poll)
