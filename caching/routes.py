"""Remembered routes: which site a host is, which page a URL path leads to per site and language.

Routing a page by its translated slug costs a query per level and one more per level for the
page's specific class: a third of a practice page's server time (docs/performance.md). The
route is remembered as (page id, its content type, how many path components it took) under the
site, the language and the path; a later request loads that one page (one query) and lets it
route the rest itself (a routable page's `pdf/`), so its live check still runs on every request.

What is remembered is only where a path leads, never whether the visitor may see the page:
Wagtail's view restrictions (the `before_serve_page` hook) and the pages' own checks (a
verified professional's contact details) run on every request as before. A change that can move
a path (a page published, unpublished, moved, renamed or deleted, a site changed) starts a new
generation of routes, as the cached menu does (caching/fragments.py), so no stale route is read.
The restriction check itself reads the page's and its ancestors' restrictions in one query
(roles.restrictions.view_restrictions).
"""

import copy
import functools
import hashlib
import time

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation

from roles.restrictions import view_restrictions

GENERATION_KEY = "routes:generation"
SECONDS = 3600
# Pages kept loaded per process (the most recently used): ~60 KB each with 8 languages' texts.
LOADED_PAGES = 256
# Saves that only record a revision or a lock: they cannot move a path.
BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
        "workflow_state",
    }
)


def generation():
    return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)


def renew(**kwargs):
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def beyond_bookkeeping(sender, update_fields=None):
    """A save of a page that may change its path or what it shows (not only its revisions)."""
    from wagtail.models import Page

    return issubclass(sender, Page) and not (update_fields and set(update_fields) <= BOOKKEEPING)


def renew_on_page_save(sender, update_fields=None, **kwargs):
    if beyond_bookkeeping(sender, update_fields):
        renew()


def digest(text):
    # Paths and hosts come from the client: any length and character, which memcached's keys
    # (250 characters, no spaces) do not allow.
    return hashlib.sha256(text.encode()).hexdigest()


def route_key(site, path_components, current):
    return f"route:{current}:{site.pk}:{translation.get_language()}:{digest('/'.join(path_components))}"


def remembered_page(entry, current):
    """The page a remembered route names, as its specific class, or None if gone.

    One narrow query of the page's state (live, its live and latest revisions) on every request;
    the page itself (every translated column of two tables: a quarter of a practice page's time,
    mostly compiling the query) only when that state or the generation (`current`) is new to
    this process."""
    from wagtail.models import Page

    page_id, content_type_id = entry
    state = Page.objects.filter(pk=page_id).values_list("live", "live_revision_id", "latest_revision_id").first()
    if state is None:
        return None
    page = loaded_page(current, page_id, content_type_id, state)
    # A copy: a request may set attributes on its page; the loaded one stays as the database had it.
    return copy.copy(page) if page is not None else None


@functools.lru_cache(maxsize=LOADED_PAGES)
def loaded_page(generation, page_id, content_type_id, state):
    """The page as loaded at this generation and state, kept in this process (its key changes
    with any publish, unpublish, draft or page save, here or in another process)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model.objects.filter(pk=page_id).first()


def route(site, request, path_components):
    """The RouteResult for the path under the site's root page (Http404 if none)."""
    current = generation()  # read once: the route's key and the loaded page's
    key = route_key(site, path_components, current)
    entry = cache.get(key)
    if entry is not None:
        page_id, content_type_id, taken = entry
        page = remembered_page((page_id, content_type_id), current)
        if page is not None:
            return page.route(request, path_components[taken:])
    root = site.root_page.specific
    result = root.route(request, path_components)
    page = result[0]
    taken = page.depth - root.depth
    cache.set(key, (page.pk, page.content_type_id, taken), SECONDS)
    return result


def site_for_request(request):
    """Site.find_for_request, remembered per host and port like the routes (a query each time
    otherwise); kept on the request where Wagtail keeps it, so the menu and links reuse it."""
    from wagtail.models import Site

    if not hasattr(request, "_wagtail_site"):
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        key = f"route-site:{generation()}:{digest(f'{hostname}:{port}')}"
        site = cache.get(key)
        if site is None:
            site = Site._find_for_request(request)
            if site is not None:
                cache.set(key, site, SECONDS)
        request._wagtail_site = site
    return request._wagtail_site


def route_for_request(request, path):
    """Page.route_for_request with remembered routes (installed by CachingConfig.ready)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = None
        site = site_for_request(request)
        if site is not None:
            try:
                result = route(site, request, [part for part in path.split("/") if part])
            except Http404:
                result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


def connect():
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    Page.route_for_request = staticmethod(route_for_request)
    Page.get_view_restrictions = view_restrictions
    page_published.connect(renew, dispatch_uid="routes-published")
    page_unpublished.connect(renew, dispatch_uid="routes-unpublished")
    post_page_move.connect(renew, dispatch_uid="routes-moved")
    post_delete.connect(renew, sender=Page, dispatch_uid="routes-deleted")
    # A slug or URL path saved without a publish (an import, a script fill); any page class.
    post_save.connect(renew_on_page_save, dispatch_uid="routes-page-saved")
    post_save.connect(renew, sender=Site, dispatch_uid="routes-site-saved")
    post_delete.connect(renew, sender=Site, dispatch_uid="routes-site-deleted")
