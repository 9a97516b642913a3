"""`Cache-Control` for the site's pages: public for a while when nothing in them is personal.

A page seen by a signed-in user may hold what only she may see (restricted practices, a
contact person, her verified status), and so may one an anonymous visitor opened with a session
(a password-protected page she unlocked): those are `private`. So is a response that sets a
cookie (a CSRF token): a shared cache must not hand it to someone else. Any other successful
GET is `public, max-age=CACHE_MAX_AGE`, with `Vary: Cookie` so that a shared cache never gives
the anonymous copy to a signed-in user. Responses that already say (the admin's `never_cache`,
the rate limits' 429) are left alone.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


def is_personal(request, response):
    user = getattr(request, "user", None)
    return (
        (user is not None and user.is_authenticated)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or bool(response.cookies)
    )


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.has_header("Cache-Control"):
            return response
        if is_personal(request, response):
            patch_cache_control(response, private=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.CACHE_MAX_AGE)
            patch_vary_headers(response, ("Cookie",))
        return response
