"""The one Elasticsearch client, and what counts as "the search engine is not answering"."""

from functools import lru_cache

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, OrjsonSerializer, TransportError

# Exceptions that mean "the search engine is not answering": the portal degrades to
# database search instead of failing.
UNAVAILABLE = (TransportError, ApiError, ConnectionError)


@lru_cache(maxsize=4)
def _client(url, timeout):
    # orjson: a rebuild serialises some 300 MB of documents, and every search parses its
    # response; the standard library's json took a tenth of the rebuild's CPU time.
    return Elasticsearch(
        url, request_timeout=timeout, retry_on_timeout=False, max_retries=0, serializer=OrjsonSerializer()
    )


def get_client():
    return _client(settings.ELASTICSEARCH_URL, settings.SEARCH_TIMEOUT)


def healthy():
    try:
        get_client().options(request_timeout=2).cluster.health()
        return True
    except UNAVAILABLE:
        return False
