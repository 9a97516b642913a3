"""Rate limits per client on the search API and autocomplete, counted in Django's cache.

django-ratelimit needs memcached or Redis for its counters (its checks refuse the database
cache), and the portal runs no such service; this is a fixed window per client, counted in the
"ratelimit" cache (the database): approximate under concurrent requests, which a limit allows."""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext

from security.clients import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600}


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


def parse_rate(text):
    """ "60/m" -> 60 requests a minute; the period is s, m or h."""
    requests, period = text.split("/")
    return Rate(int(requests), PERIODS[period.strip()])


def limited_path(path):
    for prefix, rate in settings.RATE_LIMITS.items():
        if path.startswith(prefix):
            return prefix, parse_rate(rate)
    return None, None


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


def answer_language(request):
    """The API's `lang` parameter when valid, else the language LocaleMiddleware chose."""
    requested = request.GET.get("lang", "")
    codes = {code for code, _name in settings.LANGUAGES}
    return requested if requested in codes else translation.get_language()


def too_many_requests(request, wait):
    with translation.override(answer_language(request)):
        message = gettext("Too many requests from your address. Please wait before trying again.")
    response = JsonResponse(
        {"error": message, "retry_after": wait}, status=429, json_dumps_params={"ensure_ascii": False}
    )
    response["Retry-After"] = str(wait)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope, rate = limited_path(request.path_info)
        if scope is not None:
            wait = seconds_to_wait(scope, client_ip(request), rate)
            if wait is not None:
                return too_many_requests(request, wait)
        return self.get_response(request)
