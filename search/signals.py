"""Index on Wagtail's publish, unpublish, delete, move and privacy changes, not on every save,
and on edits of what documents hold from other models: the terms pages are classified by
(their codes and slugs are facet values) and the models a type declares it `depends_on`.

Glossary edits need no reindex (`search/glossary.py` expands queries at query time); they
only clear its cache of folded forms. The receivers of declared models are connected by
`connect()`, once the apps' declarations are discovered.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

import searchable
from search import glossary, indexing, outbox

# Every receiver only queues the pages whose documents may change (search.outbox): the node
# hears of it once the transaction commits, and again until it accepts.


@receiver(page_published)
@receiver(page_unpublished)
def on_publish_or_unpublish(sender, instance, **kwargs):
    outbox.enqueue([instance.pk])


@receiver(post_delete, sender=Page)
def on_delete(sender, instance, **kwargs):
    outbox.enqueue([instance.pk])


@receiver(post_page_move)
def on_move(sender, instance, **kwargs):
    # URLs and access levels of the whole subtree change.
    outbox.enqueue(indexing.subtree_ids(instance.path))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_change(sender, instance, **kwargs):
    # Read as paths and ids: when the restricted page itself is being deleted, its specific
    # row may already be gone (reading the pages would raise DoesNotExist).
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    outbox.enqueue(indexing.subtree_ids(path) if path else [instance.page_id])


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def on_restriction_groups_change(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        on_privacy_change(sender, instance)


def indexed_keys():
    """{term model: the attribute documents hold of it} over every declared facet."""
    return {
        facet.term_model(declaration.model): facet.key
        for declaration in searchable.types()
        for facet in declaration.facets
    }


def before_term_save(sender, instance, raw=False, **kwargs):
    instance._indexed_key = None
    if not raw and instance.pk is not None:
        key = indexed_keys()[sender]
        instance._indexed_key = sender.objects.filter(pk=instance.pk).values_list(key, flat=True).first()


def on_term_save(sender, instance, raw=False, **kwargs):
    # Only a changed code or slug changes documents: a new term classifies nothing yet, and a
    # renamed label is read at query time (the demo loader re-saves every term on each run).
    previous = getattr(instance, "_indexed_key", None)
    if previous is not None and previous != getattr(instance, indexed_keys()[sender]):
        outbox.enqueue(indexing.pages_using(instance))


def before_term_delete(sender, instance, **kwargs):
    # The pages must be found before the deletion removes their links to the term.
    instance._pages_to_reindex = indexing.pages_using(instance)


def on_term_delete(sender, instance, **kwargs):
    outbox.enqueue(getattr(instance, "_pages_to_reindex", []))


def on_dependency_change(sender, instance, raw=False, **kwargs):
    # A type's documents hold this model's text (the screening tool's indicators, say).
    if not raw:
        outbox.enqueue(indexing.pages_depending_on(sender, instance))


def connect():
    for term in indexed_keys():
        uid = f"search-{term._meta.label_lower}"
        pre_save.connect(before_term_save, sender=term, dispatch_uid=f"{uid}-key")
        post_save.connect(on_term_save, sender=term, dispatch_uid=f"{uid}-reindex")
        pre_delete.connect(before_term_delete, sender=term, dispatch_uid=f"{uid}-find")
        post_delete.connect(on_term_delete, sender=term, dispatch_uid=f"{uid}-gone")
    for declaration in searchable.types():
        for model in declaration.dependencies():
            uid = f"search-depends-{model._meta.label_lower}"
            post_save.connect(on_dependency_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(on_dependency_change, sender=model, dispatch_uid=f"{uid}-delete")
    equivalents = searchable.equivalents_model()
    if equivalents is not None:
        post_save.connect(glossary.clear_cache, sender=equivalents, dispatch_uid="glossary-cache-save")
        post_delete.connect(glossary.clear_cache, sender=equivalents, dispatch_uid="glossary-cache-delete")
