"""What a search may send after its first request, sent together: at most one more round trip.

A search's first request answers most searches. "Did you mean" can need two more things: the
check that every corrected word is in a page the visitor may see now (the spelling vocabularies
are only as fresh as the index), and either the typo fallback (nothing found as typed) or the
marks of the correction in the snippets (found through the typo-tolerant clause alone). Each
was its own request, so a misspelt query cost three round trips: the slowest twentieth of the
bench's mix (docs/performance.md). They depend on the first answer only, not on each other, so
they go in one `msearch`.

No check is sent for a corrected word that one of the first hits already shows in its title or
summary: those hits passed the same visibility filter as the check would, so the word is in a
page the visitor may see now. The correction found the hits (through the typo-tolerant
clause), so the top hits show it often: a tenth of the bench's mix saves its second round trip.

Marking a correction needs no second search: the hits are known, so the highlighter runs over
those documents only (an `ids` query with the correction as the highlight query), without the
scoring, aggregations, suggester and collapse of the search itself.
"""

from elasticsearch.dsl import MultiSearch, Q

from languages.transliteration import WORD, fold
from search.client import get_client
from search.documents import SNIPPET_FIELD

WORDS = "words"  # the aggregation of the check: one bucket per corrected word
# Hits read for corrected words before a check is sent: folding a hit's titles and summaries
# in eight languages costs about 0.3 ms, and the top hits are those the correction found.
SHOWN_HITS = 3
SHOWN_FIELDS = ("title_", f"{SNIPPET_FIELD}_")


def together(*searches):
    """The responses of `searches` (None for a None), in one round trip for all of them."""
    sent = [search for search in searches if search is not None]
    if not sent:
        answers = []
    elif len(sent) == 1:
        answers = [sent[0].execute()]
    else:
        multi = MultiSearch(using=get_client())
        for search in sent:
            multi = multi.add(search)
        answers = multi.execute()
    found = iter(answers)
    return [None if search is None else next(found) for search in searches]


def words_check(base, words, fields):
    """A search over `base` (the visitor's visible documents) counting, for each of `words`,
    the documents holding it in `fields`; None when there are no words to check."""
    if not words:
        return None
    search = base.extra(size=0, track_total_hits=False)
    filters = {word: {"multi_match": {"query": word, "fields": list(fields)}} for word in words}
    search.aggs.bucket(WORDS, "filters", filters=filters)
    return search


def unshown(words, hits):
    """Those of `words` that no title or summary of the first `SHOWN_HITS` of `hits` holds as
    a word (scripts and diacritics aside): only those need a `words_check`."""
    folded = {word: fold(word) for word in words}
    missing = set(folded.values())
    for hit in hits[:SHOWN_HITS]:
        for name, value in vars(hit).items():
            if missing and name.startswith(SHOWN_FIELDS) and isinstance(value, str):
                missing.difference_update(WORD.findall(fold(value)))
    return [word for word in words if folded[word] in missing]


def words_found(answer):
    """Whether every word of a `words_check` is in some visible document (no check: yes)."""
    if answer is None:
        return True
    return all(bucket["doc_count"] for bucket in answer.aggregations[WORDS].buckets.to_dict().values())


def any_marked(hits):
    return any(getattr(hit.meta, "highlight", None) for hit in hits)


def marking(search, hits):
    """`search` (an index and highlight settings, no query) over the documents of `hits`
    only: what the highlighter marks in them, without searching again."""
    ids = [hit.meta.id for hit in hits]
    return search.query(Q("ids", values=ids)).extra(size=len(ids), track_total_hits=False).source(False)


def mark(hits, marks):
    """Gives `hits` the highlights of `marks` (a `marking` answer)."""
    found = {hit.meta.id: getattr(hit.meta, "highlight", None) for hit in marks.hits}
    for hit in hits:
        if found.get(hit.meta.id):
            hit.meta.highlight = found[hit.meta.id]
