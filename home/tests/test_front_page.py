"""The home page presents the action (results, Beneficiaries, latest content); each Beneficiary has its page."""

import pytest
from django.utils import translation
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from home.models import BeneficiaryPage, HomePage
from practices.models import Beneficiary, PracticePage, ReferralPathway

pytestmark = pytest.mark.django_db


def html_of(client, page, language="en"):
    with translation.override(language):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_page_shows_the_headline_results_and_links_every_beneficiary(client):
    home = HomePage.objects.get()
    html = html_of(client, home)
    assert "182" in html and "prison and probation professionals trained in 2025" in html
    for page in BeneficiaryPage.objects.select_related("beneficiary"):
        assert f'href="{page.get_url()}"' in html
    assert "Kosovo*" in html
    newest = PracticePage.objects.live().public().order_by("-first_published_at").first()
    assert newest.localized_value("title", "en") in html
    assert "Sixth Steering Committee meeting" in html
    albanian = html_of(client, home, "sq")
    assert "profesionistë të burgjeve dhe të shërbimit të provës të trajnuar në vitin 2025" in albanian


def test_a_beneficiary_page_shows_its_practices_pathway_news_and_focal_point(client):
    page = BeneficiaryPage.objects.get(beneficiary__code="AL")
    html = html_of(client, page)
    for practice in PracticePage.objects.live().filter(beneficiaries__code="AL"):
        assert practice.localized_value("title", "en") in html
    assert escape(ReferralPathway.objects.get(beneficiary__code="AL").contact_en.splitlines()[0]) in html
    assert "Assessment of pre-release and post-penal support in Albania" in html
    assert "Study visit" not in html  # Montenegro's event
    assert page.focal_point_email and f"mailto:{page.focal_point_email}" in html
    cyrillic = html_of(client, page, "sr")
    assert "Албанија" in cyrillic


def test_a_restricted_practice_is_left_off_a_beneficiary_page_for_anonymous_visitors(client):
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")).first()
    beneficiary = restricted.beneficiaries.first()
    html = html_of(client, BeneficiaryPage.objects.get(beneficiary=beneficiary))
    assert restricted.localized_value("title", "en") not in html


def test_every_beneficiary_has_a_page():
    assert BeneficiaryPage.objects.live().count() == Beneficiary.objects.count() == 6
