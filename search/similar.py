"""Pages like a given one: more-like-this over the regional fields, where every language of
every page meets, so a Serbian practice finds its Albanian and Macedonian neighbours.

The page's own words are the "like" text (its documents keep bodies out of the stored source,
so the node cannot read them back by id); only pages of the same type, visible to the
visitor, and never the page itself.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from elasticsearch.dsl import Q, Search

import searchable
from search import content, results, visibility
from search.client import UNAVAILABLE, get_client
from search.documents import PageDocument
from search.queries import pages_only, reading_for, visible_filter

logger = logging.getLogger(__name__)
MAX_SIMILAR = 5
# Seconds a page's similar pages are remembered at most; any index change renews them sooner.
SIMILAR_TTL = 300
LIKE_FIELDS = ("title_regional", "summary_regional", "body_regional")


@dataclass
class SimilarRequest:
    page: object
    language: str = "en"
    access: tuple = ("public",)
    hidden: tuple = ()
    stamp: str = ""  # the index queue's state `access` and `hidden` were read at, if known


class SimilarPages:
    def __init__(self, request: SimilarRequest):
        self.request = request
        self.declaration = searchable.type_for(type(request.page))

    def like_text(self):
        page = self.request.page
        texts = [content.language_texts(page, self.declaration, code) for code in content.available_languages(page)]
        return " ".join(" ".join(text.values()) for text in texts if text)

    def build(self):
        like = Q("more_like_this", fields=list(LIKE_FIELDS), like=self.like_text(), min_term_freq=1, max_query_terms=40)
        same_type = Q("term", type=self.declaration.name)
        itself = Q("term", page_id=self.request.page.pk)
        visible = visible_filter(self.request.access, self.request.hidden)
        query = Q("bool", must=[like], filter=[same_type, *visible, pages_only()], must_not=[itself])
        search = Search(using=get_client(), index=PageDocument.alias()).query(query)
        return search.source(["page_id", "slug", "type", "languages", "original_language", "urls", "title_*"])[
            :MAX_SIMILAR
        ]

    def execute(self):
        if self.declaration is None:
            return []
        return [results.from_hit(hit, reading_for(hit, self.request.language)) for hit in self.build().execute()]


def cache_key(request):
    """Who asks (language, access, hidden pages) about which page, at which state of the index
    queue: every publish, unpublish, move or privacy change makes a new key (search.visibility)."""
    hidden = hashlib.blake2b(repr(request.hidden).encode(), digest_size=12).hexdigest()
    who = f"{request.language}:{','.join(request.access)}:{hidden}"
    state = request.stamp or visibility.stamp()
    return f"search-similar:{settings.SEARCH_INDEX_PREFIX}:{state}:{request.page.pk}:{who}"


def similar_pages(request):
    """Up to five results like the page; none, rather than an error, when the node is down.

    Remembered (Django's cache): a practice page's views would otherwise each wait for a
    more-like-this search, the largest part of the page's time (docs/performance.md)."""
    key = cache_key(request)
    found = cache.get(key)
    if found is not None:
        return found
    try:
        found = SimilarPages(request).execute()
    except UNAVAILABLE as exc:
        logger.warning("Elasticsearch unavailable, no similar pages: %s", exc)
        return []  # not remembered: the node may be back for the next view
    cache.set(key, found, SIMILAR_TTL)
    return found
