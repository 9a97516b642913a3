"""One result per page: the documents of a page's parts (a long file, page by page) are
collapsed into the best-scoring one, and results and facet options count pages, not documents.

A 100-page report whose every page holds the words would otherwise fill the results with its
pages and count 100 publications in the `type` facet (docs/publications.md). Elasticsearch's
`collapse` keeps each page's best document (a page of the file names its number, as before);
no `inner_hits`, which would cost one more search per result.

Counts are of pages, not documents. Only pages of a type with parts (publications) can have
several documents, so each count is its documents, less those of such types, plus the pages
those belong to (a cardinality of `page_id`, exact below `PRECISION` pages, the largest
threshold Elasticsearch accepts). The cardinality thus reads a publication's documents only: over
every document found it was 40 % of the node's work for a search at 20 000 practices
(docs/performance.md). A facet's options are counted the same way, but the documents of types
with parts are counted beside the options (one filter, then the options again), not under each
option: a filter under every option tested each document found once per option it has, a sixth
of the node's work for a frequent word at 20 000 practices. The facets counted under the same
parent (every facet, when none is chosen) share that filter.
"""

from elasticsearch.dsl import Q

import searchable

GROUP_FIELD = "page_id"
PRECISION = 40_000
PAGES = "pages"  # the name of the cardinality under each count
MATCHED = "matched"  # the aggregation counting every page the search found
GROUPED = "grouped"  # under the count of matches: the documents of the types with parts, and their pages
PARTS = "_parts"  # beside facets' options: the same options, of the documents of types with parts
# Options counted among the documents of types with parts: every option a facet can show
# (its own size) has its correction even when these documents rank the options differently.
PARTS_OPTIONS = 1000
PAGES_COUNT = {"field": GROUP_FIELD, "precision_threshold": PRECISION}


def one_per_page(search):
    """`search` showing each page once, as its best-scoring document."""
    return search.extra(collapse={"field": GROUP_FIELD})


def count_matched(search, chosen, grouped=True):
    """Counts the pages found (under the facet choices `chosen`, which filter hits only after
    the aggregations run: `post_filter`), read back by `matched_count`. A search of pages only
    (not `grouped`) counts documents."""
    matched = search.aggs.bucket(MATCHED, "filter", filter=Q("bool", filter=chosen))
    if grouped:
        count_pages_of_parts(matched)
    return search


def matched_count(aggregations):
    """The pages found, from a search's aggregations as plain dicts (search.hits)."""
    return pages_in(aggregations[MATCHED])


def options(parent, name, field_name, size, grouped=True):
    """A facet's options under `parent` (a search's aggregations, or a filter bucket), each
    counting the pages found with it (read back by `option_counts`)."""
    parent.bucket(name, "terms", field=field_name, size=size)
    if grouped:
        # One filter per parent, shared by the facets counted there (all of them, when no
        # facet is chosen): each document found is tested once, not once per facet.
        parts = parent[PARTS] if PARTS in parent else documents_of_parts(parent, PARTS)
        if parts is not None:
            terms = parts.bucket(name, "terms", field=field_name, size=PARTS_OPTIONS)
            terms.metric(PAGES, "cardinality", **PAGES_COUNT)


def option_counts(parent, name):
    """[(option, pages found with it)] of the facet `options` counted under `parent` (plain
    dicts, or a dsl response's aggregations: subscripts only)."""
    counts = {bucket["key"]: bucket["doc_count"] for bucket in parent[name]["buckets"]}
    if PARTS in parent and name in parent[PARTS]:
        for bucket in parent[PARTS][name]["buckets"]:
            if bucket["key"] in counts:
                counts[bucket["key"]] += int(bucket[PAGES]["value"]) - bucket["doc_count"]
    return list(counts.items())


def count_pages_of_parts(aggregation):
    """Under `aggregation`, the documents of the types whose pages have parts, and their pages."""
    grouped = documents_of_parts(aggregation, GROUPED)
    if grouped is not None:
        grouped.metric(PAGES, "cardinality", **PAGES_COUNT)


def documents_of_parts(parent, name):
    """A filter `name` under `parent` keeping the documents of the types whose pages have
    parts; None when no type has parts."""
    types = [declaration.name for declaration in searchable.types() if declaration.parts]
    return parent.bucket(name, "filter", filter=Q("terms", type=types)) if types else None


def pages_in(bucket):
    """The pages an aggregation's bucket counts, each page with parts once. Subscripts, not
    attributes: a plain dict (search.hits) or a dsl response's bucket."""
    if GROUPED not in bucket:
        return bucket["doc_count"]
    grouped = bucket[GROUPED]
    return bucket["doc_count"] - grouped["doc_count"] + int(grouped[PAGES]["value"])
