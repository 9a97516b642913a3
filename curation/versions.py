"""Version numbers of the lists every search reads (picks, synonyms), in the default cache.

Each web process keeps the lists in its memory (a search must not query them each time). A
save or delete anywhere writes a new version into the default cache; with a shared cache
(CACHE_URL: Redis, Memcached) every process sees the new version at its next search and reads
the lists again, so an editor's change shows at once everywhere. With each process's own cache
(locmem, the default) the other processes still re-read within their CACHE_SECONDS."""

import time

from django.core.cache import cache


def current(key):
    # A missing key (evicted, a new cache) starts a new version: the lists are read again.
    return cache.get_or_set(key, time.time_ns, timeout=None)


def renew(key):
    cache.set(key, time.time_ns(), timeout=None)


def stale(memory, key, max_age):
    """Whether a process's `memory` ({"loaded": monotonic time, "version": ...}) must be read again."""
    if memory["loaded"] is None or time.monotonic() - memory["loaded"] > max_age:
        return True
    return memory["version"] != current(key)
