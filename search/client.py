"""The one Elasticsearch client, and what counts as "the search engine is not answering".

A circuit breaker (pybreaker) sits in the client's transport: after SEARCH_BREAKER_FAILURES
requests in a row that got no answer (refused, timed out), every request fails at once for
SEARCH_BREAKER_SECONDS, then one trial request decides. A slow node so costs one timeout,
not one per search, autocomplete keystroke or publish, and every caller degrades as usual.
"""

from functools import lru_cache

import pybreaker
from django.conf import settings
from elastic_transport import ConnectionError as NodeUnreachable
from elastic_transport import Transport
from elasticsearch import ApiError, Elasticsearch, OrjsonSerializer, TransportError

# Exceptions that mean "the search engine is not answering": the portal degrades to
# database search instead of failing.
UNAVAILABLE = (TransportError, ApiError, ConnectionError)


class BreakerOpen(NodeUnreachable):
    """Elasticsearch skipped: it failed repeatedly a moment ago."""


def guarded(breaker):
    """A transport whose requests go through `breaker`. Only requests that got no answer
    count: an HTTP error (a 400, say) is a node answering."""

    class GuardedTransport(Transport):
        def perform_request(self, *args, **kwargs):
            try:
                return breaker.call(super().perform_request, *args, **kwargs)
            except pybreaker.CircuitBreakerError as exc:
                raise BreakerOpen(f"Elasticsearch skipped for up to {breaker.reset_timeout:g} s: {exc}") from None

    return GuardedTransport


@lru_cache(maxsize=4)
def _client(url, timeout, failures, seconds):
    # One breaker per node URL: a test pointing at a closed port never trips the real node's.
    breaker = pybreaker.CircuitBreaker(
        fail_max=failures, reset_timeout=seconds, throw_new_error_on_trip=False, name=url
    )
    # orjson: a rebuild serialises some 300 MB of documents, and every search parses its
    # response; the standard library's json took a tenth of the rebuild's CPU time.
    return Elasticsearch(
        url,
        request_timeout=timeout,
        retry_on_timeout=False,
        max_retries=0,
        serializer=OrjsonSerializer(),
        transport_class=guarded(breaker),
    )


def get_client():
    return _client(
        settings.ELASTICSEARCH_URL,
        settings.SEARCH_TIMEOUT,
        settings.SEARCH_BREAKER_FAILURES,
        settings.SEARCH_BREAKER_SECONDS,
    )


def healthy():
    try:
        get_client().options(request_timeout=2).cluster.health()
        return True
    except UNAVAILABLE:
        return False
