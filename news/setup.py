"""The news section under the home page (the demo loader and a new site create it once)."""

from languages.sections import ensure_section
from news.models import NewsIndexPage

# `/<lang>/news/` and its feed `/<lang>/news/feed/` in every language: a published contract.
SLUG = "news"


def ensure_news_index(home, texts):
    """The news index (created and published under `home` if missing); `texts` holds its
    `title` and `intro` as {language: text}."""
    return ensure_section(NewsIndexPage, home, SLUG, texts)
