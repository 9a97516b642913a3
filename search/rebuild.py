"""Zero-downtime rebuilds: fill a new index while the old one answers, then swap aliases."""

import logging
import time

from django.conf import settings
from elasticsearch import NotFoundError
from elasticsearch.helpers import parallel_bulk

from search.client import get_client
from search.documents import PageDocument
from search.indexing import index_actions, is_searchable, searchable_pages

BATCH = 200
logger = logging.getLogger(__name__)


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
    # No refreshes while filling: nobody reads the new index until the swap.
    client.indices.put_settings(index=new_index, settings={"index": {"refresh_interval": "-1"}})
    # From here on, publishes go to the new index, while searches still read the old one.
    _old, write_actions = move_alias(PageDocument.write_alias(), new_index)
    client.indices.update_aliases(actions=write_actions)

    pages = [page for page in searchable_pages().specific() if is_searchable(page)]
    # Two sending threads: the node analyses one batch while Python prepares the next.
    results = parallel_bulk(client, index_actions(pages, new_index), thread_count=2, chunk_size=BATCH, raise_on_error=False)
    for ok, item in results:
        if not ok:
            logger.warning("page not indexed: %s", item)
        if progress:
            progress.update(1)
    client.indices.put_settings(index=new_index, settings={"index": {"refresh_interval": None}})
    client.indices.refresh(index=new_index)

    # One atomic swap of the read alias, then the old indices go.
    old, read_actions = move_alias(PageDocument.alias(), new_index)
    client.indices.update_aliases(actions=read_actions)
    retired = sorted(set(old) - {new_index})
    if retired:
        wait_for_searches(retired)
        client.indices.delete(index=",".join(retired), ignore_unavailable=True)
    return new_index, len(pages)


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
