"""The results page under the home page (the demo loader and a new site create it once)."""

from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles, set_translated
from results.models import ResultsPage

# `/<lang>/results/` and its CSV files `/<lang>/results/<chart>.csv` in every language: a contract.
SLUG = "results"


def ensure_results_page(home, texts):
    """The results page (created and published under `home` if missing); `texts` holds its
    `title` and `intro` as {language: text}."""
    page = ResultsPage.objects.first()
    if page is not None:
        return page
    page = ResultsPage()
    set_page_titles(page, texts["title"])
    for language in LANGUAGE_CODES:
        setattr(page, build_localized_fieldname("slug", language), SLUG)
    set_translated(page, "intro", texts["intro"])
    home.add_child(instance=page)
    page.save_revision().publish()
    return ResultsPage.objects.get(pk=page.pk)
