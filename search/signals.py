"""Index on Wagtail's publish, unpublish, delete, move and privacy changes, not on every save,
and on edits of the taxonomies pages are classified by (their slugs and codes are facets).

Glossary edits need no reindex (`search/glossary.py` expands queries at query time); they
only clear its cache of folded forms.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from practices.models import Beneficiary, GlossaryTerm, Indicator, ScreeningToolPage, Setting, TargetGroup, Theme
from search import glossary, indexing


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


# What documents hold of a term (its names are read from the database at query time).
INDEXED_KEY = {Beneficiary: "code", Setting: "slug", Theme: "slug", TargetGroup: "slug"}


def before_taxonomy_save(sender, instance, raw=False, **kwargs):
    key = INDEXED_KEY[sender]
    instance._indexed_key = (
        None
        if raw or instance.pk is None
        else sender.objects.filter(pk=instance.pk).values_list(key, flat=True).first()
    )


def on_taxonomy_save(sender, instance, raw=False, **kwargs):
    # Only a changed code or slug changes documents: a new term classifies nothing yet, and a
    # renamed label is read at query time (the demo loader re-saves every term on each run).
    previous = getattr(instance, "_indexed_key", None)
    if previous is not None and previous != getattr(instance, INDEXED_KEY[sender]):
        indexing.reindex_pages(indexing.pages_using(instance))


def before_taxonomy_delete(sender, instance, **kwargs):
    # The pages must be found before the deletion removes their links to the term.
    instance._pages_to_reindex = indexing.pages_using(instance)


def on_taxonomy_delete(sender, instance, **kwargs):
    indexing.reindex_pages(getattr(instance, "_pages_to_reindex", []))


for taxonomy in INDEXED_KEY:
    pre_save.connect(before_taxonomy_save, sender=taxonomy, dispatch_uid=f"search-key-{taxonomy.__name__}")
    post_save.connect(on_taxonomy_save, sender=taxonomy, dispatch_uid=f"search-reindex-{taxonomy.__name__}")
    pre_delete.connect(before_taxonomy_delete, sender=taxonomy, dispatch_uid=f"search-find-{taxonomy.__name__}")
    post_delete.connect(on_taxonomy_delete, sender=taxonomy, dispatch_uid=f"search-gone-{taxonomy.__name__}")


@receiver(post_save, sender=Indicator)
@receiver(post_delete, sender=Indicator)
def on_indicator_change(sender, instance, raw=False, **kwargs):
    # The screening tool's document holds the text of every indicator.
    if not raw:
        indexing.reindex_pages(list(ScreeningToolPage.objects.live().values_list("pk", flat=True)))


post_save.connect(glossary.clear_cache, sender=GlossaryTerm, dispatch_uid="glossary-cache-save")
post_delete.connect(glossary.clear_cache, sender=GlossaryTerm, dispatch_uid="glossary-cache-delete")
