"""The Atom feed of news and events, one per language (`/<lang>/news/feed/`): public items only,
each in the language a visitor of the feed's language reads it in (fallback, Serbian script)."""

import datetime
from itertools import chain

from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from languages import i18n

FEED_LENGTH = 50


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return f"{i18n.localized(index, 'title') or index.title} · {_('Prison and Probation Practice Portal')}"

    def subtitle(self, index):
        return i18n.localized(index, "intro")

    def link(self, index):
        return index.get_url(request=self.request)

    def feed_url(self, index):
        return index.get_url(request=self.request) + index.reverse_subpage("feed")

    def language(self):
        return translation.get_language()

    def items(self, index):
        # `public()`: never a restricted item (nor one under a restricted page); `live()` upstream.
        items = chain.from_iterable(index.public_items())
        return sorted(items, key=lambda item: (item.listing_date, item.pk), reverse=True)[:FEED_LENGTH]

    def item_title(self, item):
        return i18n.localized(item, "title")

    def item_description(self, item):
        place = i18n.localized(item, "place")
        lead = i18n.localized(item, "lead")
        return f"{place}, {item.listing_date:%Y-%m-%d}. {lead}" if place else lead

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        # Stable across languages and slug changes: one article, one identity.
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},{item.listing_date:%Y}:page-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.listing_date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)
