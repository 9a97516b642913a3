"""The one entry point for running a search: Elasticsearch, or the database when it is down."""

import logging

from search.client import UNAVAILABLE
from search.fallback import database_search
from search.picks import with_picks
from search.queries import PageSearch

logger = logging.getLogger(__name__)


def run_search(request):
    # Editor's picks come first, whichever backend answers.
    return with_picks(request, search_once)


def search_once(request):
    try:
        return PageSearch(request).execute()
    except UNAVAILABLE as exc:
        logger.warning("Elasticsearch unavailable, using database search: %s", exc)
        return database_search(request)
