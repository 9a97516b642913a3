"""The generation of the cached template fragments (the main menu, the footer, a page's
article: caching/templatetags/page_fragments.py).

Fragments are cached with `{% cache %}` under a key that holds the language and this
generation; a change that can alter them (a page published, unpublished, moved, deleted or saved
beyond its revision bookkeeping, a snippet or a document saved or deleted) starts a new
generation, so every fragment is rendered afresh and the old ones expire unread. The
generation is kept in the default cache, so with a shared cache (CACHE_URL) a publish in one
web process renews the fragments of all of them.
"""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from caching.routes import beyond_bookkeeping

KEY = "fragments:generation"


def generation():
    # A missing key (evicted, a new cache) simply starts a new generation: never stale.
    return cache.get_or_set(KEY, time.time_ns, timeout=None)


def renew(**kwargs):
    cache.set(KEY, time.time_ns(), timeout=None)


def renew_for_snippets(sender, **kwargs):
    from wagtail.snippets.models import get_snippet_models

    if sender in get_snippet_models():
        renew()


def renew_on_page_save(sender, update_fields=None, **kwargs):
    # A page saved without a publish (an import, a script fill) changes what it shows too.
    if beyond_bookkeeping(sender, update_fields):
        renew()


def connect():
    from wagtail.documents import get_document_model
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(renew, dispatch_uid="fragments-published")
    page_unpublished.connect(renew, dispatch_uid="fragments-unpublished")
    post_page_move.connect(renew, dispatch_uid="fragments-moved")
    post_delete.connect(renew, sender=Page, dispatch_uid="fragments-deleted")
    # Any model: a snippet's class is only known once every app has registered its snippets.
    post_save.connect(renew_for_snippets, dispatch_uid="fragments-snippet-saved")
    post_delete.connect(renew_for_snippets, dispatch_uid="fragments-snippet-deleted")
    post_save.connect(renew_on_page_save, dispatch_uid="fragments-page-saved")
    # A document's title or file: an attachment's link text and address.
    post_save.connect(renew, sender=get_document_model(), dispatch_uid="fragments-document-saved")
    post_delete.connect(renew, sender=get_document_model(), dispatch_uid="fragments-document-deleted")
