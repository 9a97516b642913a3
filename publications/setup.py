"""The library under the home page (setup_portal creates it once, through
languages.sections.sections_needed; the demo loader and add_publication find it)."""

from languages.sections import ensure_section
from publications.models import PublicationIndexPage

# `/<lang>/library/` in every language.
SLUG = "library"

TEXTS = {
    "title": {
        "en": "Library",
        "sq": "Biblioteka",
        "bs": "Biblioteka",
        "hr": "Knjižnica",
        "cnr": "Biblioteka",
        "sr-latn": "Biblioteka",
        "sr": "Библиотека",
        "mk": "Библиотека",
    },
    "intro": {
        "en": "Assessments, reports, manuals, training materials and legal texts of the regional action.",
        "sq": "Vlerësime, raporte, manuale, materiale trajnimi dhe tekste ligjore të veprimit rajonal.",
        "bs": "Procjene, izvještaji, priručnici, materijali za obuku i pravni tekstovi regionalne akcije.",
        "hr": "Procjene, izvješća, priručnici, materijali za izobrazbu i pravni tekstovi regionalne akcije.",
        "cnr": "Procjene, izvještaji, priručnici, materijali za obuku i pravni tekstovi regionalne akcije.",
        "sr-latn": "Procene, izveštaji, priručnici, materijali za obuku i pravni tekstovi regionalne akcije.",
        "sr": "Процене, извештаји, приручници, материјали за обуку и правни текстови регионалне акције.",
        "mk": "Проценки, извештаи, прирачници, материјали за обука и правни текстови на регионалната акција.",
    },
}


def ensure_library(home, **kwargs):
    """The library (created and published under `home` if missing); also the receiver of
    `sections_needed`."""
    return ensure_section(PublicationIndexPage, home, SLUG, TEXTS)
