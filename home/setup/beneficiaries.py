"""The Beneficiaries' pages: an index under the home page and one page per Beneficiary, titled
with its name in every language (texts of the index in beneficiaries.json)."""

import json
from pathlib import Path

from modeltranslation.utils import build_localized_fieldname

from home.models import BeneficiaryIndexPage, BeneficiaryPage
from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles, set_translated
from practices.models import Beneficiary

DATA = Path(__file__).resolve().parent / "beneficiaries.json"


def ensure_beneficiary_pages(home):
    """The index and a page for each Beneficiary, created and published where missing."""
    index = BeneficiaryIndexPage.objects.first() or create_index(home)
    for beneficiary in Beneficiary.objects.filter(page__isnull=True):
        page = BeneficiaryPage(beneficiary=beneficiary)
        set_page_titles(page, {code: name_in(beneficiary, code) for code in LANGUAGE_CODES})
        index.add_child(instance=page)
        page.save_revision().publish()
    return index


def name_in(beneficiary, language):
    return getattr(beneficiary, build_localized_fieldname("name", language), "") or beneficiary.name


def create_index(home):
    texts = json.loads(DATA.read_text(encoding="utf-8"))
    index = BeneficiaryIndexPage()
    set_page_titles(index, texts["title"])
    set_translated(index, "intro", texts["intro"])
    home.add_child(instance=index)
    index.save_revision().publish()
    return BeneficiaryIndexPage.objects.get(pk=index.pk)
