"""Text extracted when a document is uploaded (or its file replaced), and downloads counted."""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from publications.models import PublicationFile


def on_document_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from publications.texts import extract_document

    # After the commit: the upload's own transaction stays short, and a rolled-back upload
    # reads nothing. In the request: a 100-page PDF takes about a second (docs/performance.md),
    # so no worker is needed for it.
    transaction.on_commit(lambda: extract_document(instance))


def on_document_served(sender, instance, request=None, **kwargs):
    # A number per file, no personal data. Sent by Wagtail after every before_serve_document
    # hook let the download through (publications.wagtail_hooks refuses what may not be seen).
    PublicationFile.objects.filter(document=instance).update(downloads=F("downloads") + 1)


def on_publish_or_privacy_change(sender, instance, **kwargs):
    from publications.access import sync_collection
    from publications.models import PublicationPage

    # By id: a restriction deleted with its page no longer reaches the page.
    page_id = instance.page_id if isinstance(instance, PageViewRestriction) else instance.pk
    page = PublicationPage.objects.filter(pk=page_id).first()
    if page is not None:
        sync_collection(page)


def connect():
    document_model = get_document_model()
    post_save.connect(on_document_save, sender=document_model, dispatch_uid="publications-extract")
    document_served.connect(on_document_served, sender=document_model, dispatch_uid="publications-downloads")
    page_published.connect(on_publish_or_privacy_change, dispatch_uid="publications-collection-publish")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            on_publish_or_privacy_change, sender=PageViewRestriction, dispatch_uid=f"publications-collection-{name}"
        )
