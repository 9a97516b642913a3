"""Index on Wagtail's publish, unpublish, delete, move and privacy changes, not on every save."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing


@receiver(page_published)
def on_publish(sender, instance, **kwargs):
    # Refreshed at once: a page is searchable as soon as its editor has published it.
    indexing.safely(indexing.index_pages, [instance], refresh=True)


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs):
    indexing.safely(indexing.remove_pages, [instance.pk], refresh=True)


@receiver(post_delete, sender=Page)
def on_delete(sender, instance, **kwargs):
    indexing.safely(indexing.remove_pages, [instance.pk], refresh=True)


@receiver(post_page_move)
def on_move(sender, instance, **kwargs):
    indexing.reindex_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.reindex_subtree(page)
