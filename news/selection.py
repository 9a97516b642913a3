"""The news other pages show (the home page, a Beneficiary's page), through news_tags."""

from itertools import chain

from news.models import EventPage, NewsIndexPage, NewsPage
from roles.restrictions import visible_to


def latest_news(limit=3):
    """The newest public articles, for everyone's front page."""
    return NewsPage.objects.live().public().prefetch_related("beneficiaries").order_by("-date", "-pk")[:limit]


def beneficiary_items(code, user, limit=10):
    """A Beneficiary's news and the events it hosts, newest first, as this visitor may see them."""
    news = visible_to(user, NewsPage.objects.live().filter(beneficiaries__code=code)).distinct()
    events = visible_to(user, EventPage.objects.live().filter(beneficiary__code=code))
    items = sorted(chain(news, events), key=lambda item: (item.listing_date, item.pk), reverse=True)
    return items[:limit]


def news_index():
    return NewsIndexPage.objects.live().first()
