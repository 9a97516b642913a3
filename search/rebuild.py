"""Zero-downtime rebuilds: fill a new index while the old one answers, then swap aliases."""

from elasticsearch import NotFoundError

from search.client import get_client
from search.documents import PageDocument
from search.indexing import index_pages, searchable_pages

BATCH = 200


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
    # From here on, publishes go to the new index, while searches still read the old one.
    _old, write_actions = move_alias(PageDocument.write_alias(), new_index)
    client.indices.update_aliases(actions=write_actions)

    pages = list(searchable_pages().specific())
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        index_pages(batch, index=new_index)
        if progress:
            progress.update(len(batch))
    client.indices.refresh(index=new_index)

    # One atomic swap of the read alias, then the old indices go.
    old, read_actions = move_alias(PageDocument.alias(), new_index)
    client.indices.update_aliases(actions=read_actions)
    for name in set(old) - {new_index}:
        client.indices.delete(index=name, ignore_unavailable=True)
    return new_index, len(pages)
