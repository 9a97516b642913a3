"""One result per page: the documents of a page's parts (a long file, page by page) are
collapsed into the best-scoring one, and results and facet options count pages, not documents.

A 100-page report whose every page holds the words would otherwise fill the results with its
pages and count 100 publications in the `type` facet (docs/publications.md). Elasticsearch's
`collapse` keeps each page's best document (a page of the file names its number, as before);
no `inner_hits`, which would cost one more search per result. Counts are cardinalities of
`page_id`: exact below `PRECISION` pages (the largest threshold Elasticsearch accepts), within a
few per cent above it.
"""

from elasticsearch.dsl import Q

GROUP_FIELD = "page_id"
PRECISION = 40_000
PAGES = "pages"  # the name of the cardinality under each count
MATCHED = "matched"  # the aggregation counting every page the search found
PAGES_COUNT = {"field": GROUP_FIELD, "precision_threshold": PRECISION}


def one_per_page(search):
    """`search` showing each page once, as its best-scoring document."""
    return search.extra(collapse={"field": GROUP_FIELD})


def count_matched(search, chosen):
    """Counts the pages found (under the facet choices `chosen`, which filter hits only after
    the aggregations run: `post_filter`), read back by `matched_count`."""
    search.aggs.bucket(MATCHED, "filter", filter=Q("bool", filter=chosen)).metric(PAGES, "cardinality", **PAGES_COUNT)
    return search


def matched_count(response):
    return int(response.aggregations[MATCHED][PAGES]["value"])


def options(parent, name, field_name, size):
    """A facet's options under `parent` (a search's aggregations, or a filter bucket), each
    counting the pages found with it, most pages first."""
    terms = parent.bucket(name, "terms", field=field_name, size=size, order={PAGES: "desc"})
    terms.metric(PAGES, "cardinality", **PAGES_COUNT)
    return terms


def option_count(bucket):
    # Subscripts, not attributes: a plain dict (search.hits) or a dsl response's bucket.
    return int(bucket[PAGES]["value"]) if PAGES in bucket else bucket["doc_count"]
