"""When translation status is detected.

Pages: on every new revision (a saved draft, a submission for review, a publication),
comparing it with the previous revision (or, for the first one, the page as stored).
Snippets (no revisions): on every save, comparing with the row as stored.
Each time, the object's stored status (translations/stored.py) is replaced by its new one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from translations import stored
from translations.registry import is_tracked, tracked_models
from translations.status import current_content, record_changes


def stash_stored_state(sender, instance, **kwargs):
    instance._translation_old = sender.objects.filter(pk=instance.pk).first() if instance.pk else None


def record_snippet_changes(sender, instance, **kwargs):
    record_changes(
        getattr(instance, "_translation_old", None), instance, user=getattr(instance, "_translation_user", None)
    )
    stored.store(instance)


def record_revision_changes(sender, instance, created, **kwargs):
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is None or not issubclass(model, Page) or not is_tracked(model):
        return
    content = instance.as_object()
    if created:
        try:
            old = instance.get_previous().as_object()
        except Revision.DoesNotExist:
            old = model.objects.filter(pk=instance.object_id).first()
        record_changes(old, content, user=instance.user)
    # A new revision is the page's latest; an overwritten one (Wagtail's autosave) counts only if
    # it still is.
    if created or _is_latest(instance):
        stored.store(content)


def _is_latest(revision):
    return Page.objects.filter(pk=revision.object_id, latest_revision_id=revision.pk).exists()


def store_published_page(sender, instance, **kwargs):
    # Published, the page itself is its current content (no unpublished changes left).
    if is_tracked(type(instance)):
        stored.store(current_content(instance))


def forget_deleted(sender, instance, **kwargs):
    if is_tracked(type(instance)):
        stored.forget(type(instance), instance.pk)


def connect():
    for _section, model in tracked_models():
        if not issubclass(model, Page):
            pre_save.connect(stash_stored_state, sender=model, dispatch_uid=f"translations-pre-{model._meta.label}")
            post_save.connect(
                record_snippet_changes, sender=model, dispatch_uid=f"translations-post-{model._meta.label}"
            )
    post_save.connect(record_revision_changes, sender=Revision, dispatch_uid="translations-revisions")
    page_published.connect(store_published_page, dispatch_uid="translations-published")
    post_delete.connect(forget_deleted, dispatch_uid="translations-deleted")
