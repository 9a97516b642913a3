"""Fixed windows per client, counted in the rate limits' cache (RATE_LIMIT_CACHE, the database).

django-ratelimit needs memcached or Redis for its counters (its checks refuse the database
cache), and the portal runs no such service; a fixed window is approximate under concurrent
requests, which a limit allows. Only a hash of the client's address is kept, for one window."""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

from ratelimits.clients import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


def parse_rate(text):
    """ "60/m" -> 60 requests a minute; the period is s, m, h or d."""
    requests, period = text.split("/")
    return Rate(int(requests), PERIODS[period.strip()])


def seconds_to_wait(scope, client, rate, now=None):
    """Counts this request; the seconds until the client's window ends if it is over the rate."""
    now = time.time() if now is None else now
    window = int(now // rate.seconds)
    # Hashed: the key stays short and valid whatever address a proxy header carried.
    client_key = hashlib.sha256(client.encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{client_key}:{window}"
    cache = caches[settings.RATE_LIMIT_CACHE]
    # get + set rather than add + incr: the database cache's incr is a get and a set anyway (not
    # atomic either), and this costs two statements fewer per request.
    count = cache.get(key, 0) + 1
    cache.set(key, count, timeout=rate.seconds + 1)
    if count <= rate.requests:
        return None
    return max(1, math.ceil((window + 1) * rate.seconds - now))


def over_limit(request, scope, rate_text, now=None):
    """Counts this request of the client's; True when it is over `rate_text` ("10/h")."""
    return seconds_to_wait(scope, client_ip(request), parse_rate(rate_text), now) is not None
