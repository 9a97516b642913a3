"""Drift between the database and the search index, found and mended by `check_search_index`.

Each document carries the digest of its content (`search.indexing.documents`), so a page is
compared with its document by recomputing what would be indexed now: a text edit, a
taxonomy rename, a privacy change or a move all change the digest.
"""

from dataclasses import dataclass, field

from elasticsearch.helpers import scan
from wagtail.models import Page

import searchable
from search.client import get_client
from search.documents import PageDocument
from search.indexing import (
    BATCH,
    Shared,
    documents,
    index_pages,
    page_of,
    part_documents,
    remove_pages,
    searchable_pages,
)
from search.queries import pages_only
from search.rebuild import indices_behind, rebuild

MISSING, STALE, ORPHAN, ALIASES = "missing", "stale", "orphan", "aliases"
KINDS = (MISSING, STALE, ORPHAN)


@dataclass
class Problem:
    kind: str
    page_id: int | None
    detail: str
    part: bool = False  # a problem of one of the page's parts, not of its own document

    def __str__(self):
        where = f"page {self.page_id}: " if self.page_id is not None else ""
        return f"{self.kind:<8} {where}{self.detail}"


@dataclass
class Report:
    alias: str
    alias_exists: bool = True
    pages: int = 0
    documents: int = 0
    parts: int = 0  # documents of the pages' parts (a publication's file, page by page)
    problems: list = field(default_factory=list)

    @property
    def clean(self):
        return self.alias_exists and not self.problems

    def count(self, kind):
        return sum(1 for problem in self.problems if problem.kind == kind)

    def summary(self):
        if not self.alias_exists:
            return f"The search index alias {self.alias} does not exist: the index has never been built."
        counts = ", ".join(f"{self.count(kind)} {kind}" for kind in KINDS)
        verdict = "clean" if self.clean else "DRIFT"
        documents = f"{self.documents} document(s) and {self.parts} part(s)"
        return f"{verdict}: {self.pages} searchable page(s), {documents} in {self.alias}; {counts}."


def label(page):
    declaration = searchable.type_for(type(page))
    return f'{declaration.name} "{declaration.identifier_of(page)}"'


def indexed_digests(alias):
    """{page id: digest} of every page's own document the read alias holds."""
    hits = scan(get_client(), index=alias, query={"query": pages_only().to_dict(), "_source": ["digest"]})
    return {document_key(hit["_id"]): hit.get("_source", {}).get("digest") for hit in hits}


def indexed_part_digests(alias):
    """{document id: digest} of every part's document (a publication's file, page by page)."""
    query = {"query": {"exists": {"field": "part"}}, "_source": ["digest"]}
    return {hit["_id"]: hit.get("_source", {}).get("digest") for hit in scan(get_client(), index=alias, query=query)}


def part_label(doc_id, source):
    return f"part {doc_id} (page {source['document_page']} of a file)"


def compare_parts(page, source, indexed_parts, report):
    """Each part the page has now against its document: missing or stale (`indexed_parts`
    loses the ones seen, so what remains has no part in the database: leaked)."""
    for doc_id, part in part_documents(page, source):
        report.parts += doc_id in indexed_parts
        where = f"{part_label(doc_id, part)} of {label(page)}"
        if doc_id not in indexed_parts:
            report.problems.append(Problem(MISSING, page.pk, f"{where} has no document"))
        elif indexed_parts.pop(doc_id) != part["digest"]:
            report.problems.append(Problem(STALE, page.pk, f"{where} changed since it was indexed"))


def leaked_parts(indexed_parts, report):
    """Part documents no live page has any more: its page unpublished or deleted, its file
    removed or shortened. Kept, the access filter still hides a hidden page's parts
    (search.visibility), but they are counted and fill the index."""
    for doc_id in sorted(indexed_parts):
        page_id = page_of(doc_id)
        number = doc_id.rsplit("-", 1)[-1]
        detail = f"part {doc_id} (page {number} of a file): document kept although the page no longer has it"
        report.problems.append(Problem(ORPHAN, page_id, detail, part=True))


def document_key(doc_id):
    # Documents are keyed by page id; anything else (written by hand) can only be an orphan.
    return int(doc_id) if doc_id.isdigit() else doc_id


def orphan_reason(page):
    if page is None:
        return "the page no longer exists"
    if not page.live:
        return "the page is not live"
    return f"pages of type {page.specific_class._meta.model_name} are not searchable"


def alias_problem(alias):
    """A read and a write alias on different indices: a rebuild is running or was interrupted."""
    read, write = indices_behind(alias), indices_behind(PageDocument.write_alias())
    if read == write:
        return None
    return Problem(ALIASES, None, f"{alias} reads {read or 'nothing'} but writes go to {write or 'nothing'}")


def check():
    """Compare the live searchable pages with the documents behind the read alias."""
    alias = PageDocument.alias()
    if not get_client().indices.exists_alias(name=alias):
        return Report(alias, alias_exists=False)
    indexed, indexed_parts = indexed_digests(alias), indexed_part_digests(alias)
    report = Report(alias, documents=len(indexed))
    split = alias_problem(alias)
    if split:
        report.problems.append(split)
    shared = Shared.read()
    pages = list(searchable_pages().specific())
    # Documents prepared batch by batch as a rebuild does: a handful of queries per batch.
    for start in range(0, len(pages), BATCH):
        for page, source in documents(pages[start : start + BATCH], shared):
            report.pages += 1
            if page.pk not in indexed:
                report.problems.append(Problem(MISSING, page.pk, f"{label(page)} is live but has no document"))
            elif indexed.pop(page.pk) != source["digest"]:
                report.problems.append(Problem(STALE, page.pk, f"{label(page)} changed since it was indexed"))
            compare_parts(page, source, indexed_parts, report)
    gone = Page.objects.in_bulk([key for key in indexed if isinstance(key, int)])
    for page_id in sorted(indexed, key=str):
        report.problems.append(Problem(ORPHAN, page_id, f"document kept although {orphan_reason(gone.get(page_id))}"))
    report.parts += len(indexed_parts)
    leaked_parts(indexed_parts, report)
    return report


def fix(report):
    """Mend what `report` found: reindex missing and stale pages, delete orphans, in bulk.

    Without a read alias, or with the aliases apart, only a rebuild puts things right.
    Returns a description of what was done.
    """
    if not report.alias_exists or report.count(ALIASES):
        index, count = rebuild()
        return f"rebuilt the index: {count} page(s) into {index}"
    # A leaked part goes when its page is indexed again (its parts are rewritten and the rest
    # deleted), or with the page's documents when the page is no longer live.
    reindex = {p.page_id for p in report.problems if p.kind in (MISSING, STALE) or p.part}
    pages = list(searchable_pages().filter(pk__in=reindex).specific()) if reindex else []
    if pages:
        index_pages(pages, refresh=True)
    reindexed = {page.pk for page in pages}
    orphans = [p for p in report.problems if p.kind == ORPHAN]
    removed = {p.page_id for p in orphans if p.page_id not in reindexed}
    if removed:
        remove_pages(sorted(removed, key=str), refresh=True)
    return f"reindexed {len(pages)} page(s), deleted {len(orphans)} orphan document(s)"
