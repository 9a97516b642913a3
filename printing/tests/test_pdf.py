"""The generated PDFs: text, fonts, names, restrictions and the cache (read with poppler-utils)."""

import re
import subprocess
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail.models import PageViewRestriction

from practices.models import GuidePage, Indicator, PracticePage, ReferralPathway, ScreeningToolPage
from printing import render

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_pdf_cache(settings, request):
    # Each test starts from an empty cache of its own (the configured one is files under var/);
    # local-memory caches with the same LOCATION share their entries, hence the test's name.
    settings.CACHES = {
        **settings.CACHES,
        "printing": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": request.node.nodeid},
    }


def text_of(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def pages_of(pdf):
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def url_of(page, language, suffix="pdf/"):
    with translation.override(language):
        return page.get_url() + suffix


def slug_in(page, language):
    with translation.override(language):
        return page.slug


def test_a_serbian_cyrillic_guide_pdf_holds_its_title_contents_and_the_kosovo_note(client):
    guide = GuidePage.objects.live().get()
    response = client.get(url_of(guide, "sr"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{slug_in(guide, "sr")}-sr.pdf"'
    text = text_of(response.content)
    assert " ".join(guide.title_sr.split()) in text
    with translation.override("sr"):
        note = translation.gettext(
            "This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 "
            "and the ICJ Opinion on the Kosovo Declaration of Independence."
        )
        contents = translation.gettext("Contents")
    assert note != "" and " ".join(note.split()) in text and contents in text
    first_step = guide.steps_sr[0].value["title"]
    assert text.count(first_step) >= 2  # in the contents and as the step's heading
    fonts = subprocess.run(["pdffonts", "-"], input=response.content, capture_output=True, check=True).stdout
    rows = fonts.decode().splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts.decode()  # every font embedded


def test_the_screening_tool_pdf_has_its_indicators_and_pathways_and_a_one_page_observation_form(client):
    tool = ScreeningToolPage.objects.live().get()
    text = text_of(client.get(url_of(tool, "en")).content)
    indicator = Indicator.objects.first()
    pathway = ReferralPathway.objects.first()
    assert indicator.name_en in text
    assert " ".join(pathway.contact_en.split())[:40] in text

    response = client.get(url_of(tool, "mk", "observation-form/pdf/"))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{slug_in(tool, "mk")}-observation-form-mk.pdf"'
    assert pages_of(response.content) == 1
    assert indicator.name_mk in text_of(response.content)


def test_an_anonymous_visitor_gets_the_login_page_for_a_restricted_practice_pdf_never_the_pdf(client):
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")).first()
    with mock.patch.object(render, "html_to_pdf") as renderer:
        response = client.get(url_of(restricted, "en"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert response.get("Content-Type") != "application/pdf"
    renderer.assert_not_called()


def test_the_contact_person_is_printed_for_verified_professionals_only(client):
    practice = next(p for p in PracticePage.objects.live().public() if p.contact_email)
    url = url_of(practice, "en")
    assert practice.contact_name not in text_of(client.get(url).content)
    user = User.objects.create_user("verified-reader", password="x-password-1")
    user.groups.add(Group.objects.get(name="Verified professionals"))
    client.force_login(user)
    # The person, never the address: messages go through the portal (exchange/).
    text = text_of(client.get(url).content)
    assert practice.contact_name in text and practice.contact_email not in text


def test_the_cache_serves_the_second_request_and_a_publish_renders_again(client):
    practice = PracticePage.objects.live().public().filter(title_en__gt="").first()
    url = url_of(practice, "en")
    with mock.patch.object(render, "html_to_pdf", wraps=render.html_to_pdf) as renderer:
        first = client.get(url)
        second = client.get(url)
        assert renderer.call_count == 1
        assert (first["X-PDF-Cache"], second["X-PDF-Cache"]) == ("miss", "hit")
        assert second.content == first.content

        practice.title_en = practice.title_en + " (revised)"
        practice.save_revision().publish()
        third = client.get(url_of(PracticePage.objects.get(pk=practice.pk), "en"))
        assert renderer.call_count == 2 and third["X-PDF-Cache"] == "miss"
        assert "(revised)" in text_of(third.content)
