"""The results page under the home page (the demo loader and a new site create it once)."""

from languages.sections import ensure_section
from results.models import ResultsPage

# `/<lang>/results/` and its CSV files `/<lang>/results/<chart>.csv` in every language: a contract.
SLUG = "results"


def ensure_results_page(home, texts):
    """The results page (created and published under `home` if missing); `texts` holds its
    `title` and `intro` as {language: text}."""
    return ensure_section(ResultsPage, home, SLUG, texts)
