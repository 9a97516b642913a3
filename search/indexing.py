"""Keeping the index true: (re)index and remove pages, in bulk, through the write alias.

Signals queue their changes (search.outbox), which come here once their transaction has
committed; failures to reach Elasticsearch never stop publishing: the changes stay queued.
"""

import hashlib
import logging
from dataclasses import dataclass

import orjson
from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk, scan
from wagtail.models import Page

import searchable
from search import batch, content
from search.client import get_client
from search.documents import PageDocument, part_id, prepare, prepare_part

logger = logging.getLogger(__name__)

# Pages prepared, and sent, together.
BATCH = 200


def searchable_models():
    return [declaration.model for declaration in searchable.types()]


def searchable_pages():
    """Live pages of every declared searchable type."""
    return Page.objects.live().exact_type(*searchable_models())


def is_searchable(page):
    return searchable.type_for(type(page)) is not None


def digest(source):
    """A stable fingerprint of a document's content: equal digests, equal documents."""
    text = orjson.dumps(source, option=orjson.OPT_SORT_KEYS, default=str)
    return hashlib.sha256(text).hexdigest()[:32]


@dataclass(frozen=True)
class Shared:
    """What every document of a batch reads alike: view restrictions and site roots (a
    drift check reads them once; a rebuild once per batch, so a long fill sees a restriction
    added meanwhile)."""

    restrictions: list
    roots: dict

    @classmethod
    def read(cls):
        return cls(content.view_restrictions(), batch.site_roots_by_language())


def documents(pages, shared=None):
    """[(specific page, document source with its digest)] for a batch of live pages.

    Facet values and URLs are read for the whole batch: a handful of queries, not several
    per page (a rebuild of 20 000 pages spends its time in Elasticsearch, not here)."""
    pages = [page.specific for page in pages]
    shared = shared or Shared.read()
    relations = batch.relation_values(pages)
    urls = batch.page_urls(pages, shared.roots)
    prepared = []
    for page in pages:
        source = prepare(page, shared.restrictions, relations[page.pk], urls[page.pk])
        prepared.append((page, source | {"digest": digest(source)}))
    return prepared


def index_actions(pages, index, shared=None):
    actions = []
    for page, source in documents(pages, shared):
        actions.append({"_index": index, "_id": page.pk, "_source": source})
        actions += part_actions(page, source, index)
    return actions


def part_actions(page, source, index):
    """The documents of the page's parts (a publication's file, page by page), if its type has any."""
    return [{"_index": index, "_id": doc_id, "_source": part} for doc_id, part in part_documents(page, source)]


def part_documents(page, source):
    """[(document id, source with its digest)] of the page's parts, from the page's `source`:
    what a rebuild writes and check_search_index expects."""
    declaration = searchable.type_for(type(page))
    if declaration.parts is None:
        return []
    prepared = []
    for part in declaration.parts(page):
        part_source = prepare_part(page, source, part)
        prepared.append((part_id(page.pk, part), part_source | {"digest": digest(part_source)}))
    return prepared


def has_parts():
    return any(declaration.parts is not None for declaration in searchable.types())


def stale_part_deletions(page_ids, actions, index):
    """Delete actions for the part documents of these pages that `actions` do not write again
    (a file removed or replaced by a shorter one, a page unpublished or deleted). Found with one
    scroll over the page ids (no `_delete_by_query`: the local node has no reindex module), and
    none at all when no declared type has parts."""
    # Page ids only: check_search_index also deletes documents written by hand under other ids.
    page_ids = [pk for pk in page_ids if str(pk).isdigit()]
    if not has_parts() or not page_ids:
        return []
    kept = {action["_id"] for action in actions if isinstance(action["_id"], str)}
    query = {"bool": {"filter": [{"terms": {"page_id": list(page_ids)}}, {"exists": {"field": "part"}}]}}
    try:
        hits = scan(get_client(), index=index, query={"query": query, "_source": False}, size=1000)
        found = [hit["_id"] for hit in hits]
    except NotFoundError:
        return []  # no index yet (before the first rebuild)
    return [{"_op_type": "delete", "_index": index, "_id": doc_id} for doc_id in found if doc_id not in kept]


def index_pages(pages, index=None, refresh=False):
    """Index live pages; through the write alias unless a concrete index is named.

    Writing through the alias requires it to exist: a write to a missing alias must never
    auto-create a stray index with a guessed mapping (before the first rebuild, say).
    """
    pages = [page for page in pages if page.live and is_searchable(page.specific)]
    if not pages:
        return 0
    extra = {} if index else {"require_alias": True}
    target = index or PageDocument.write_alias()
    actions = index_actions(pages, target)
    actions += stale_part_deletions([page.pk for page in pages], actions, target)
    count, errors = bulk(get_client(), actions, refresh=refresh, raise_on_error=False, **extra)
    report_errors(errors)
    return count


def report_errors(errors):
    # Before the first rebuild (demo content loaded first, say) every page fails the same way:
    # one line says so, instead of one per page.
    unbuilt = [e for e in errors if e.get("index", {}).get("error", {}).get("type") == "index_not_found_exception"]
    if unbuilt:
        logger.warning(
            "%d page(s) not indexed: the search index is not built yet; run rebuild_search_index", len(unbuilt)
        )
    for error in errors:
        if error not in unbuilt:
            logger.warning("page not indexed: %s", error)


def remove_pages(page_ids, refresh=False):
    target = PageDocument.write_alias()
    actions = [{"_op_type": "delete", "_index": target, "_id": pk} for pk in page_ids]
    actions += stale_part_deletions(page_ids, [], target)
    bulk(get_client(), actions, raise_on_error=False, refresh=refresh)


def apply(page_ids, index=None, refresh=False):
    """Make the documents of these pages match the database, in one bulk request: live
    searchable pages indexed, every other one's document deleted. Through the write alias
    unless a concrete index is named.

    Returns the ids of the pages whose action the node refused (deleting a document that is
    not there is no refusal); raises UNAVAILABLE when the node does not answer."""
    pages = [page for page in Page.objects.filter(pk__in=page_ids).live().specific() if is_searchable(page)]
    kept = {page.pk for page in pages}
    target = index or PageDocument.write_alias()
    actions = index_actions(pages, target) + [
        {"_op_type": "delete", "_index": target, "_id": pk} for pk in page_ids if pk not in kept
    ]
    actions += stale_part_deletions(page_ids, actions, target)
    extra = {} if index else {"require_alias": True}
    _count, errors = bulk(get_client(), actions, refresh=refresh, raise_on_error=False, **extra)
    errors = [error for error in errors if not already_deleted(error)]
    report_errors(errors)
    return {page_of(next(iter(error.values()))["_id"]) for error in errors}


def page_of(doc_id):
    """The page id of a document id: a page's own (`42`) or one of its parts' (`42.7-3`)."""
    return int(str(doc_id).split(".", 1)[0])


def already_deleted(error):
    return error.get("delete", {}).get("status") == 404 and "error" not in error["delete"]


def pages_using(term):
    """Ids of the live searchable pages classified by a term, through any declared facet."""
    ids = set()
    for declaration in searchable.types():
        for facet in declaration.facets:
            if isinstance(term, facet.term_model(declaration.model)):
                pages = declaration.model.objects.live().filter(**{facet.relation: term})
                ids.update(pages.values_list("pk", flat=True))
    return sorted(ids)


def pages_depending_on(model, instance=None):
    """Ids of the live pages of the searchable types that depend on `model` (its objects'
    text is part of their documents): those the type's `dependents(instance)` names, else
    all of them."""
    ids = set()
    for declaration in searchable.types():
        if model in declaration.dependencies():
            if declaration.dependents is not None and instance is not None:
                ids.update(declaration.dependents(instance))
            else:
                ids.update(declaration.model.objects.live().values_list("pk", flat=True))
    return sorted(ids)


def subtree_ids(path):
    """Ids of a page (by its tree path) and its descendants, e.g. after a move or a privacy
    change. Ids only: the page may be being deleted (its specific row already gone)."""
    return list(Page.objects.filter(path__startswith=path).values_list("pk", flat=True))
