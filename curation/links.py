"""Result links that count which result was opened: they pass through `search_open`, which
records the query and position and redirects, so counting works without JavaScript."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def open_url(query, position, url):
    return f"{reverse('search_open')}?{urlencode({'q': query, 'position': position, 'to': url})}"


def is_internal(url):
    """A path on this site only: never another host (no open redirect), nor `//host` or `/\\host`."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None, require_https=False)
    )


def track(results, query, first_position):
    """Gives each result of a page of results its counting link (`open_url`)."""
    for position, item in enumerate(results, start=first_position):
        item["open_url"] = open_url(query, position, item["url"])
