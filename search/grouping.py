"""One result per page: the documents of a page's parts (a long file, page by page) are
collapsed into the best-scoring one, and results and facet options count pages, not documents.

A 100-page report whose every page holds the words would otherwise fill the results with its
pages and count 100 publications in the `type` facet (docs/publications.md). Elasticsearch's
`collapse` keeps each page's best document (a page of the file names its number, as before);
no `inner_hits`, which would cost one more search per result.

Counting pages rather than documents takes a cardinality of `page_id` under every count: at
20 000 practices that was 40 % of the node's work for a search (docs/performance.md), and it
only matters when a part of a page is found. So a search first counts documents, and also
how many of the documents it found are parts (`PARTS`, over the whole query, so under every
facet's count too). With none, each document is a page and the counts are exact; otherwise the
counts are asked again as cardinalities (`exact`): exact below `PRECISION` pages (the largest
threshold Elasticsearch accepts), within a few per cent above it.
"""

from elasticsearch.dsl import Q

GROUP_FIELD = "page_id"
PRECISION = 40_000
PAGES = "pages"  # the name of the cardinality under each count
MATCHED = "matched"  # the aggregation counting every page the search found
PARTS = "parts"  # the aggregation counting the parts of pages among the documents found
PART_FIELD = "part"
PAGES_COUNT = {"field": GROUP_FIELD, "precision_threshold": PRECISION}


def one_per_page(search):
    """`search` showing each page once, as its best-scoring document."""
    return search.extra(collapse={"field": GROUP_FIELD})


def count_matched(search, chosen, exact=False, grouped=True):
    """Counts the pages found (under the facet choices `chosen`, which filter hits only after
    the aggregations run: `post_filter`), read back by `matched_count`; as cardinalities if
    `exact`, else as documents, with the parts found counted beside (unless `grouped` is
    false: a search of pages only)."""
    matched = search.aggs.bucket(MATCHED, "filter", filter=Q("bool", filter=chosen))
    if exact:
        matched.metric(PAGES, "cardinality", **PAGES_COUNT)
    elif grouped:
        search.aggs.bucket(PARTS, "filter", filter=Q("exists", field=PART_FIELD))
    return search


def matched_count(aggregations):
    """The pages found, from a search's aggregations as plain dicts (search.hits)."""
    matched = aggregations[MATCHED]
    return int(matched[PAGES]["value"]) if PAGES in matched else matched["doc_count"]


def counted_exactly(aggregations):
    """Whether the counts of a search (its aggregations as plain dicts) are of pages: counted
    as cardinalities, or no part of a page among the documents found."""
    return PARTS not in aggregations or aggregations[PARTS]["doc_count"] == 0


def options(parent, name, field_name, size, exact=False):
    """A facet's options under `parent` (a search's aggregations, or a filter bucket), each
    counting the pages found with it (as cardinalities if `exact`), most pages first."""
    if not exact:
        return parent.bucket(name, "terms", field=field_name, size=size)
    terms = parent.bucket(name, "terms", field=field_name, size=size, order={PAGES: "desc"})
    terms.metric(PAGES, "cardinality", **PAGES_COUNT)
    return terms


def option_count(bucket):
    return int(bucket[PAGES]["value"]) if PAGES in bucket else bucket["doc_count"]
