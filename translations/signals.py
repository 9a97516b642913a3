"""When translation status is detected.

Pages: on every new revision (a saved draft, a submission for review, a publication),
comparing it with the previous revision (or, for the first one, the page as stored).
Snippets (no revisions): on every save, comparing with the row as stored.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.models import Page, Revision

from translations.registry import is_tracked, tracked_models
from translations.status import record_changes


def stash_stored_state(sender, instance, **kwargs):
    instance._translation_old = sender.objects.filter(pk=instance.pk).first() if instance.pk else None


def record_snippet_changes(sender, instance, **kwargs):
    record_changes(
        getattr(instance, "_translation_old", None), instance, user=getattr(instance, "_translation_user", None)
    )


def record_revision_changes(sender, instance, created, **kwargs):
    model = instance.content_type.model_class() if created else None
    if model is None or not issubclass(model, Page) or not is_tracked(model):
        return
    try:
        old = instance.get_previous().as_object()
    except Revision.DoesNotExist:
        old = model.objects.filter(pk=instance.object_id).first()
    record_changes(old, instance.as_object(), user=instance.user)


def connect():
    for _section, model in tracked_models():
        if not issubclass(model, Page):
            pre_save.connect(stash_stored_state, sender=model, dispatch_uid=f"translations-pre-{model._meta.label}")
            post_save.connect(
                record_snippet_changes, sender=model, dispatch_uid=f"translations-post-{model._meta.label}"
            )
    post_save.connect(record_revision_changes, sender=Revision, dispatch_uid="translations-revisions")
