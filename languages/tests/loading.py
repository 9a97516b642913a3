"""Counting the page objects a piece of work instantiates: what tells whether it loads a page's
siblings (wagtail-modeltranslation's routing, slug checks and URL paths did)."""

from contextlib import contextmanager

from django.db.models.signals import post_init
from wagtail.models import Page


@contextmanager
def pages_loaded():
    """The ids of the page objects instantiated inside the block, one per instance."""
    loaded = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            loaded.append(instance.pk)

    post_init.connect(count, weak=False)
    try:
        yield loaded
    finally:
        post_init.disconnect(count)
