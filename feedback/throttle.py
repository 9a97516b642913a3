"""How many answers one client may send: a fixed window per client address, counted in the
rate limits' cache (RATE_LIMIT_CACHE, the database), as security/ratelimit.py counts the API's.

The feature apps do not import one another (the layers), so the few lines that find the
client's address follow security/clients.py here rather than importing it. Only a hash of the
address is kept, in the cache, for one window: never in the feedback table."""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_address(request):
    # Only the entry our own proxy appended (the last one) is the client's, and only when the
    # deployment says a proxy sets the header (CLIENT_IP_HEADER; README, "Configuration").
    header = settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def over_limit(request, now=None):
    """Counts this answer; True when the client has sent more than RATE_LIMIT_FEEDBACK allows."""
    requests, period = settings.RATE_LIMIT_FEEDBACK.split("/")
    seconds = PERIODS[period.strip()]
    now = time.time() if now is None else now
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"ratelimit:feedback:{client}:{int(now // seconds)}"
    cache = caches[settings.RATE_LIMIT_CACHE]
    count = cache.get(key, 0) + 1
    cache.set(key, count, timeout=seconds + 1)
    return count > int(requests)
