"""The news section under the home page (setup_portal creates it once, through
languages.sections.sections_needed; the demo loader finds it)."""

from languages.sections import ensure_section
from news.models import NewsIndexPage

# `/<lang>/news/` and its feed `/<lang>/news/feed/` in every language: a published contract.
SLUG = "news"

TEXTS = {
    "title": {
        "en": "News and events",
        "sq": "Lajme dhe ngjarje",
        "bs": "Vijesti i događaji",
        "hr": "Vijesti i događanja",
        "cnr": "Vijesti i događaji",
        "sr-latn": "Vesti i događaji",
        "mk": "Вести и настани",
        "sr": "Вести и догађаји",
    },
    "intro": {
        "en": "News of the regional action and its meetings, trainings, study visits and conferences.",
        "sq": "Lajme të veprimit rajonal dhe të mbledhjeve, trajnimeve, vizitave studimore dhe konferencave të tij.",
        "bs": "Vijesti regionalne akcije i njeni sastanci, obuke, studijske posjete i konferencije.",
        "hr": "Vijesti regionalne akcije te njezini sastanci, izobrazbe, studijski posjeti i konferencije.",
        "cnr": "Vijesti regionalne akcije i njeni sastanci, obuke, studijske posjete i konferencije.",
        "sr-latn": "Vesti regionalne akcije i njeni sastanci, obuke, studijske posete i konferencije.",
        "mk": "Вести од регионалната акција и нејзините состаноци, обуки, студиски посети и конференции.",
        "sr": "Вести регионалне акције и њени састанци, обуке, студијске посете и конференције.",
    },
}


def ensure_news_index(home, **kwargs):
    """The news index (created and published under `home` if missing); also the receiver of
    `sections_needed`."""
    return ensure_section(NewsIndexPage, home, SLUG, TEXTS)
