"""The results page's charts, computed once per language and kept in the default cache.

Computing them costs a dozen grouped queries; they change only when a training record, a
Beneficiary or theme is saved or deleted (the admin, `import_trainings`) or a page is published,
unpublished, moved or deleted. Each of those starts a new generation (as caching/fragments.py
does for the menu, which this feature app may not import), so the next view computes them
afresh. Downloads are counted without any of these: the figures are kept at most
RESULTS_CACHE_SECONDS, so the download counts lag by that much (docs/results.md). With a shared
cache (CACHE_URL) a change in one web process renews the figures of all of them."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from results.sources import charts

KEY = "results:generation"


def generation():
    # A missing key (evicted, a new cache) simply starts a new generation: never stale.
    return cache.get_or_set(KEY, time.time_ns, timeout=None)


def renew(**kwargs):
    # After the commit: renewed inside the transaction, a view in between would cache the old
    # figures under the new generation (an import writes many records in one transaction).
    transaction.on_commit(lambda: cache.set(KEY, time.time_ns(), timeout=None))


def cached_charts():
    """Every chart in the language active now, computed at most once per generation."""
    key = f"results:charts:{translation.get_language()}:{generation()}"
    found = cache.get(key)
    if found is None:
        found = charts()
        cache.set(key, found, timeout=settings.RESULTS_CACHE_SECONDS)
    return found


def cached_chart(slug):
    """The chart served as `<slug>.csv` (the same figures as the page), or None."""
    return next((chart for chart in cached_charts() if chart.slug == slug), None)


def connect():
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from practices.models import Beneficiary, Theme
    from results.records import TrainingRecord

    # Any page: practices, guides, the tool's versions and publications are charted, and a
    # publish is rare enough that telling them apart would save nothing worth the risk.
    page_published.connect(renew, dispatch_uid="results-published")
    page_unpublished.connect(renew, dispatch_uid="results-unpublished")
    post_page_move.connect(renew, dispatch_uid="results-moved")
    post_delete.connect(renew, sender=Page, dispatch_uid="results-page-deleted")
    for model in (TrainingRecord, Beneficiary, Theme):
        name = model._meta.label_lower
        post_save.connect(renew, sender=model, dispatch_uid=f"results-{name}-saved")
        post_delete.connect(renew, sender=model, dispatch_uid=f"results-{name}-deleted")
