"""Title autocomplete for the search box: prefixes of titles in every language and script."""

import logging
from dataclasses import dataclass, field

from elasticsearch.dsl import Q, Search

from languages.codes import LANGUAGE_CODES
from search import results
from search.analysis import field_suffix
from search.client import UNAVAILABLE, get_client
from search.documents import PageDocument
from search.queries import pages_only, reading_for, visible_filter

MAX_SUGGESTIONS = 10
logger = logging.getLogger(__name__)


@dataclass
class AutocompleteRequest:
    query: str = ""
    language: str = "en"
    access: tuple = ("public",)
    hidden: list = field(default_factory=list)  # page ids the database hides from the visitor


class Autocomplete:
    def __init__(self, request: AutocompleteRequest):
        self.request = request

    def get_query(self):
        text = self.request.query
        titles = Q(
            "bool",
            should=[
                # Every word typed is a prefix of some title word ("resoc zap"), in any language.
                Q("match", **{"title_regional.prefixes": {"query": text, "operator": "and"}}),
                # Words longer than the longest indexed prefix (analysis.PREFIX_MAX) match whole.
                Q("match", title_regional={"query": text, "operator": "and"}),
            ],
            minimum_should_match=1,
        )
        # Pages written in the visitor's language come first.
        own = Q("constant_score", filter=Q("term", languages=self.request.language), boost=10)
        visible = visible_filter(self.request.access, self.request.hidden)
        return Q("bool", must=[titles], should=[own], filter=[*visible, pages_only()])

    def build(self):
        titles = [f"title_{field_suffix(code)}" for code in LANGUAGE_CODES]
        search = Search(using=get_client(), index=PageDocument.alias()).query(self.get_query())
        search = search.source(["type", "languages", "original_language", "urls", *titles])
        return search[:MAX_SUGGESTIONS]

    def execute(self):
        if not self.request.query:
            return []
        return [self.result(hit) for hit in self.build().execute()]

    def result(self, hit):
        reading = reading_for(hit, self.request.language)
        return results.pick(results.from_hit(hit, reading), results.AUTOCOMPLETE_FIELDS)


def complete(request):
    """(results, degraded): no suggestions, rather than an error, when Elasticsearch is down."""
    try:
        return Autocomplete(request).execute(), False
    except UNAVAILABLE as exc:
        logger.warning("Elasticsearch unavailable, no autocomplete: %s", exc)
        return [], True
