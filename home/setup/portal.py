"""The whole set-up, in the order its parts need each other."""

from django.db import transaction

from curation.setup import ensure_curation_permissions
from home.setup.beneficiaries import ensure_beneficiary_pages
from home.setup.home_page import ensure_home_page
from instrument.setup import ensure_instrument_review
from languages.sections import ensure_own_sections
from practices.editorial import ensure_editorial_setup
from practices.setup.sections import ensure_sections
from practices.setup.taxonomies import ensure_taxonomies


@transaction.atomic
def setup_portal():
    """Home page, sections (news, the library and the results page too), Beneficiaries (and their
    pages) and taxonomies, groups, permissions, the review workflow, the instrument's review and the
    restricted collection. Idempotent: what exists is left as it is.

    Returns {key: page} for the home page ("home") and each section."""
    home = ensure_home_page()
    ensure_taxonomies()
    sections = ensure_sections(home)
    ensure_beneficiary_pages(home)
    # News, the library, the results page: their apps create them (home may not import them).
    own_sections = ensure_own_sections(home)
    # The review workflow covers what editors publish: practices and guides.
    ensure_editorial_setup(home, [sections["practices"], sections["guides"]])
    # The screening instrument (its snippets and the tool's page) has a review of its own.
    ensure_instrument_review()
    # Editors read the search report and manage picks and synonyms.
    ensure_curation_permissions()
    return {"home": home, **sections, **own_sections}
