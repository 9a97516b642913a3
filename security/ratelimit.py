"""Rate limits per client on the search API and autocomplete: a 429 in the visitor's language.

The counting (a fixed window per client in the "ratelimit" cache) is ratelimits/windows.py,
shared with the feedback form and the opened-results counter (curation)."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext

from ratelimits.clients import client_ip
from ratelimits.windows import parse_rate, seconds_to_wait


def limited_path(path):
    for prefix, rate in settings.RATE_LIMITS.items():
        if path.startswith(prefix):
            return prefix, parse_rate(rate)
    return None, None


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
