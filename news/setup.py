"""The news section under the home page (the demo loader and a new site create it once)."""

from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles, set_translated
from news.models import NewsIndexPage

# `/<lang>/news/` and its feed `/<lang>/news/feed/` in every language: a published contract.
SLUG = "news"


def ensure_news_index(home, texts):
    """The news index (created and published under `home` if missing); `texts` holds its
    `title` and `intro` as {language: text}."""
    page = NewsIndexPage.objects.first()
    if page is not None:
        return page
    page = NewsIndexPage()
    set_page_titles(page, texts["title"])
    for language in LANGUAGE_CODES:
        setattr(page, build_localized_fieldname("slug", language), SLUG)
    set_translated(page, "intro", texts["intro"])
    home.add_child(instance=page)
    page.save_revision().publish()
    return NewsIndexPage.objects.get(pk=page.pk)
