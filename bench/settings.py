"""Bench-only settings: the portal's, plus Wagtail's built-in Elasticsearch 8 backend to compare with.

The built-in backend gets its own index prefix on the same node, and never updates itself on
save (the bench fills it once, like `update_index`).
"""

from portal.settings import *  # noqa: F403
from portal.settings import ELASTICSEARCH_URL, SEARCH_INDEX_PREFIX, WAGTAILSEARCH_BACKENDS

ROOT_URLCONF = "bench.urls"

WAGTAILSEARCH_BACKENDS = {
    **WAGTAILSEARCH_BACKENDS,
    "builtin": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-builtin_",
        "TIMEOUT": 30,  # filling the index in bulk on a busy node needs more than a search
        "AUTO_UPDATE": False,
        "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}},
    },
}

# The bench talks plain HTTP to gunicorn on loopback and measures throughput from one address:
# no redirect to HTTPS, no per-client rate limits (security/ratelimit.py).
SECURE_SSL_REDIRECT = False
RATE_LIMITS = {}
