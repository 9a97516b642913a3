"""Building and running page searches. Views and the API only call `PageSearch`."""

from dataclasses import dataclass, field
from functools import cached_property

from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.query import MultiMatch

import searchable
from curation import synonyms
from languages import fallbacks
from languages.codes import LANGUAGE_CODES
from languages.transliteration import fold
from search import followups, glossary, grouping, hits, matched, results
from search.analysis import STEMMED_APART, field_suffix
from search.client import get_client
from search.documents import SNIPPET_FIELD, PageDocument, is_indexed
from search.facets import facet_fields
from search.suggest import add_suggester, read_suggestion

# How much a match weighs by kind of text, in a language's own fields and in the regional ones.
LANGUAGE_WEIGHTS = {"title": 4, "summary": 2, "body": 1}
REGIONAL_FIELDS = ("title_regional^3", "summary_regional^1.5", "body_regional")
PHRASE_FIELDS = REGIONAL_FIELDS[:2]
FUZZY_FIELDS = REGIONAL_FIELDS[:2]
FUZZY_PREFIX = 1
FUZZY_EXPANSIONS = 20
FUZZY_WEIGHT = 1
COUNTS = "counts"  # a facet's options under the filter of the other facets' choices
NEWEST_FIRST = {"published": {"order": "desc", "missing": "_last"}}  # the "newest" sort, and listings'


@dataclass
class SearchRequest:
    query: str = ""
    language: str = "en"
    filters: dict = field(default_factory=dict)
    page: int = 1
    page_size: int = 20
    sort: str = "relevance"
    access: tuple = ("public",)
    hidden: list = field(default_factory=list)  # page ids the database hides from the visitor


@dataclass
class SearchResults:
    count: int
    results: list
    facets: dict
    suggestion: str | None = None
    degraded: bool = False


class PageSearch:
    """Regional search over every language: the visitor's language and titles weigh most.

    Each page is one result, however many of its parts match, and counted once (`grouping`)."""

    grouped = True

    def __init__(self, request: SearchRequest):
        self.request = request
        self.facets = facet_fields()  # {URL parameter: document field}

    def get_fields(self):
        """Every language's text in the regional fields (folded, stemmed: scripts, diacritics,
        inflections and the neighbouring languages meet there), plus the fields of the
        languages whose own analysis the regional one cannot stand in for: the visitor's (a
        boost) and the non-Slavic English and Albanian stemmers (`burgjet` meets `burg`)."""
        own = self.request.language
        fields = language_fields(own, boost=2)
        for language in sorted(STEMMED_APART - {own}):
            fields += language_fields(language)
        return fields

    def get_filter(self):
        """What the visitor may see: part of the query, so nothing else is ever counted."""
        return visible_filter(self.request.access, self.request.hidden)

    def get_facet_filters(self, excluding=None):
        """The chosen facet values, as filters; `excluding` one facet for its own counts."""
        return [
            Q("term", **{self.facets[name]: value})
            for name, value in self.request.filters.items()
            if value not in (None, "") and name != excluding
        ]

    def get_query(self, fuzzy=False):
        text = self.request.query
        if fuzzy:
            # Only as a fallback, and only on titles and summaries: fuzziness is what makes
            # queries slow, and it only helps typos.
            match = MultiMatch(query=text, fields=FUZZY_FIELDS, fuzziness="AUTO", prefix_length=1, operator="and")
            return Q("bool", must=[match], filter=self.get_filter())
        should = [
            # Words spread over title, summary and body count as one text (one analyzer, so
            # cross_fields blends them); one word in four may be missing.
            MultiMatch(query=text, fields=REGIONAL_FIELDS, type="cross_fields", minimum_should_match="75%"),
            MultiMatch(query=text, fields=self.get_fields(), type="best_fields", operator="and", tie_breaker=0.3),
            # The words as typed, in that order, in a title or summary.
            MultiMatch(query=text, fields=PHRASE_FIELDS, type="phrase", boost=2),
            typo_tolerant(text),
        ]
        # The glossary's equivalents and the editors' synonyms: both applied at query time.
        # Each glossary term counts once, however many of its forms a page holds: its
        # inflected variants stem alike, and summed they outweighed the words typed.
        groups = glossary.expansion_groups(text) + [[form] for form in synonyms.expansions(text, self.request.language)]
        if groups:
            should.append(Q("bool", should=[equivalents_query(forms) for forms in groups], boost=0.7))
        return with_type_boosts(Q("bool", should=should, minimum_should_match=1, filter=self.get_filter()))

    def get_highlight_query(self, words):
        """What snippets mark: `words` in the highlighted fields, and nothing else.

        Never fuzzy: a fuzzy highlight query is expanded again for every hit, and was four
        fifths of a fuzzy search's time (docs/performance.md). The fuzzy fallback marks the
        words "Did you mean" proposes instead."""
        return MultiMatch(query=words, fields=self.get_highlight_fields())

    def get_highlight_fields(self):
        """Summaries in the languages the visitor reads: her fallback chain and the other
        Serbian script.

        Highlighting re-analyses each field of each hit: summaries and bodies in all eight
        languages were three quarters of a search's time, and even the body in the visitor's
        own language cost 2-3 ms at the 95th percentile (docs/performance.md). A result whose
        summary has none of the words, or that is shown in a language outside the chain, gets
        the start of its summary as its snippet."""
        chain = fallbacks.fallback_chain(self.request.language)
        readable = {*chain, *(fallbacks.SCRIPT_TWINS.get(code) for code in chain)} - {None}
        return [f"{SNIPPET_FIELD}_{field_suffix(code)}" for code in LANGUAGE_CODES if code in readable]

    def build(self, fuzzy=False, marked=None):
        """The search; `fuzzy` for the typo fallback, whose snippets mark `marked` (the
        corrected words) rather than the words as typed."""
        request = self.request
        search = self.matching(fuzzy)
        if request.query and not fuzzy:
            search = add_suggester(search, request.query, request.access)
        if request.sort == "newest" or not request.query:
            search = search.sort(NEWEST_FIRST)
        search = grouping.one_per_page(self.with_counts(self.with_choices(search)))
        search = self.with_highlights(search, (marked or request.query) if request.query else None)
        start = (request.page - 1) * request.page_size
        search = search.extra(track_total_hits=True)[start : start + request.page_size]
        return search

    def matching(self, fuzzy=False):
        """The index queried for the words (`fuzzy`: the typo fallback), within what the visitor may see."""
        if self.request.query:
            return self.index().query(self.get_query(fuzzy))
        return self.index().query(Q("bool", filter=self.get_filter()))

    def with_counts(self, search):
        """`search` counting the results and each facet's options, in pages (grouping)."""
        # Facet choices filter the hits after the aggregations (post_filter), and each facet is
        # counted under the other facets' choices only: choosing RS still shows how many ME has.
        search = self.with_facet_counts(search)
        return grouping.count_matched(search, self.get_facet_filters(), self.grouped)

    def with_choices(self, search):
        """`search`'s hits filtered by the facet values chosen: a post_filter, so that the
        same search's aggregations count every option (`with_facet_counts`)."""
        chosen = self.get_facet_filters()
        return search.post_filter(Q("bool", filter=chosen)) if chosen else search

    def with_highlights(self, search, words):
        """`search` returning each hit's snippet with `words` marked (without words: whatever
        the query matched, which for filters alone is nothing)."""
        search = search.highlight_options(
            encoder="html", fragment_size=180, number_of_fragments=1, pre_tags=["<mark>"], post_tags=["</mark>"]
        )
        search = search.highlight(*self.get_highlight_fields())
        if words:
            search = search.highlight_options(highlight_query=self.get_highlight_query(words).to_dict())
        return search

    def with_facet_counts(self, search):
        """`search` counting each facet's options under the other facets' choices."""
        for name, field_name in self.facets.items():
            others = self.get_facet_filters(excluding=name)
            if others:
                parent, terms_name = search.aggs.bucket(name, "filter", filter=Q("bool", filter=others)), COUNTS
            else:  # nothing to count under: a plain terms aggregation is cheaper
                parent, terms_name = search.aggs, name
            grouping.options(parent, terms_name, field_name, size=50, grouped=self.grouped)
        return search

    def execute(self):
        response = self.build().execute()
        found = hits.hits(response)
        suggestion = read_suggestion(response, self.request.query) if self.request.query else None
        # What follows the first request goes in one more round trip at most (followups).
        check = self.words_check(suggestion, found)
        if self.request.query and grouping.matched_count(hits.aggregations(response)) == 0:
            checked, response = followups.together(check, self.build(fuzzy=True, marked=suggestion))
            if not followups.words_found(checked):
                # The correction is not the visitor's to see (the index lags): searched again
                # without marking it. Rare, so a third round trip is acceptable here.
                suggestion, response = None, self.build(fuzzy=True).execute()
            found = hits.hits(response)
        else:
            suggestion = self.mark_correction(found, suggestion, check)
        aggregations = hits.aggregations(response)
        return SearchResults(
            count=grouping.matched_count(aggregations),
            results=[self.result(hit) for hit in found],
            facets={name: facet_counts(aggregations, name) for name in self.facets},
            suggestion=suggestion,
        )

    def mark_correction(self, found, suggestion, check):
        """The suggestion if the visitor may see its words (`check`), else None; hits found
        through the typo-tolerant clause only get snippets marking it, as the fallback's do
        (a fuzzy highlight would be far slower)."""
        if suggestion and not followups.any_marked(found):
            marking = followups.marking(self.with_highlights(self.index(), suggestion), found)
            checked, marks = followups.together(check, marking)
            if not followups.words_found(checked):
                return None
            followups.mark(found, marks)
            return suggestion
        return suggestion if followups.words_found(*followups.together(check)) else None

    def index(self):
        return Search(using=get_client(), index=PageDocument.alias())

    def words_check(self, suggestion, found):
        """The request telling whether every word "Did you mean" corrected is in a page the
        visitor may see now (followups.words_check), or None when nothing needs checking:
        no correction, or one that the hits `found` already show (followups.unshown).

        The spelling vocabularies are only as fresh as the index: a page restricted while the
        node was down still has its words there."""
        if not suggestion:
            return None
        typed = set(fold(self.request.query).split())
        corrected = followups.unshown([word for word in suggestion.split() if fold(word) not in typed], found)
        if not corrected:  # nothing left to ask: no search built
            return None
        visible = self.index().query(Q("bool", filter=self.get_filter()))
        return followups.words_check(visible, corrected, PHRASE_FIELDS)

    @cached_property
    def query_stems(self):
        return matched.stems(self.request.query)

    def result(self, hit):
        reading = reading_for(hit, self.request.language, self.query_stems)
        snippet_field = f"{SNIPPET_FIELD}_{field_suffix(reading.source)}"
        highlight = getattr(hit.meta, "highlight", None)
        marked = highlight[snippet_field][0] if highlight and snippet_field in highlight else None
        return results.from_hit(hit, reading, marked)


def typo_tolerant(text):
    """A typo beside correct words ("risk asessment"): each word may be a letter or two off in
    a title or summary. An edited word scores below the word as typed (Lucene scales a fuzzy
    term by its edits), and the exact clauses add to the latter. The weight was chosen on the
    relevance set's tuning half (docs/relevance.md)."""
    return MultiMatch(
        query=text,
        fields=FUZZY_FIELDS,
        fuzziness="AUTO",
        prefix_length=FUZZY_PREFIX,
        max_expansions=FUZZY_EXPANSIONS,
        minimum_should_match="75%",
        boost=FUZZY_WEIGHT,
    )


def equivalents_query(forms):
    """The best match of one concept's forms, each as a phrase: its short words ("i", "za")
    must not match alone."""
    phrases = [MultiMatch(query=form, fields=REGIONAL_FIELDS, type="phrase") for form in forms]
    return phrases[0] if len(phrases) == 1 else Q("dis_max", queries=phrases)


def visible_filter(access, hidden):
    """The index's access level, and never a page the database hides from the visitor."""
    visible = Q("terms", access=list(access))
    if hidden:
        visible = Q("bool", filter=[visible], must_not=[Q("terms", page_id=list(hidden))])
    return [visible]


def pages_only():
    """Leaves out the parts of pages (a publication's file, page by page): listings,
    autocomplete and similar pages show pages; only the search itself finds their parts."""
    return Q("bool", must_not=[Q("exists", field="part")])


def with_type_boosts(query):
    """The query, with the pages of types declared with a `boost` weighed by it."""
    weights = [
        {"filter": Q("term", type=declaration.name).to_dict(), "weight": declaration.boost}
        for declaration in searchable.types()
        if declaration.boost != 1
    ]
    if not weights:
        return query
    return Q("function_score", query=query, functions=weights, score_mode="first", boost_mode="multiply")


def language_fields(language, boost=1):
    """A language's own searchable text fields, weighted (a Slavic body is searched in the
    regional field only: documents.is_indexed)."""
    suffix = field_suffix(language)
    return [
        f"{name}_{suffix}^{boost * weight}" for name, weight in LANGUAGE_WEIGHTS.items() if is_indexed(language, name)
    ]


def facet_counts(aggregations, name):
    """Facet `name`'s options and their counts, from a search's aggregations (a dsl response's
    or plain dicts: search.hits), as `with_facet_counts` asked for them."""
    parent, terms_name = (aggregations[name], COUNTS) if COUNTS in aggregations[name] else (aggregations, name)
    counts = [{"value": value, "count": count} for value, count in grouping.option_counts(parent, terms_name)]
    # Most pages first: the node orders by documents, and a publication's pages count once.
    return sorted(counts, key=lambda option: -option["count"])


def reading_for(hit, language, query_stems=frozenset()):
    """What a visitor of `language` reads of a hit (`fallbacks.Reading`): her language, or the
    other Serbian script by transliteration; else the first of her other readings (fallback
    chain, then any language) whose title or summary holds a word typed (`matched`); else the
    first of them."""
    written = set(getattr(hit, "languages", None) or ())
    original = getattr(hit, "original_language", None)
    readable = [reading for reading in fallbacks.readings(language, original) if reading.source in written]
    if not readable:
        return fallbacks.choose(language, written)
    if readable[0].language == language or not query_stems:
        return readable[0]
    # Checked in order and only until one matches: each check folds a title and a summary.
    return next((reading for reading in readable if matched.found(hit, reading.source, query_stems)), readable[0])
