"""Zero-downtime rebuilds: fill a new index while the old one answers, then swap aliases."""

import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk

from search.client import get_client
from search.documents import PageDocument
from search.indexing import BATCH, Shared, index_actions, report_errors, searchable_pages

SENDERS = 2  # bulk requests in flight while the next batch is prepared
FILLING = {"refresh_interval": "-1", "translog.durability": "async"}  # set back to defaults after


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


def rebuild(progress=None):
    client = get_client()
    new_index = PageDocument.create_index(PageDocument.new_index_name())
    # While filling, no refreshes (nobody reads the new index until the swap) and no fsync
    # per bulk request: a crash loses at most the last seconds, which check_search_index
    # --fix restores (or the rebuild is rerun).
    client.indices.put_settings(index=new_index, settings={"index": FILLING})
    # From here on, publishes go to the new index, while searches still read the old one.
    _old, write_actions = move_alias(PageDocument.write_alias(), new_index)
    client.indices.update_aliases(actions=write_actions)

    page_ids = list(searchable_pages().order_by("path").values_list("pk", flat=True))
    fill(client, new_index, page_ids, progress)
    client.indices.put_settings(index=new_index, settings={"index": dict.fromkeys(FILLING)})
    client.indices.refresh(index=new_index)

    # One atomic swap of the read alias, then the old indices go.
    old, read_actions = move_alias(PageDocument.alias(), new_index)
    client.indices.update_aliases(actions=read_actions)
    retired = sorted(set(old) - {new_index})
    if retired:
        wait_for_searches(retired)
        client.indices.delete(index=",".join(retired), ignore_unavailable=True)
    return new_index, len(page_ids)


def fill(client, index, page_ids, progress=None):
    """Bulk-index the pages into `index`: the node analyses one batch while the next is read
    and prepared.

    Pages are read and documents prepared here, in the calling thread (they read the
    database, whose connections belong to this thread); only the bulk requests go to the
    sending threads."""
    shared = Shared.read()
    with ThreadPoolExecutor(max_workers=SENDERS) as sender:
        in_flight = []
        for start in range(0, len(page_ids), BATCH):
            pages = searchable_pages().filter(pk__in=page_ids[start : start + BATCH]).specific()
            actions = index_actions(pages, index, shared)
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
