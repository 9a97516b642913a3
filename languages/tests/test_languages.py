"""Every language is served, switchable and correctly labelled (foundation)."""

import re

import pytest
from django.utils import translation

from home.models import HomePage
from languages.codes import LANGUAGE_CODES, bcp47
from practices.models import GuidePage, PracticePage, ScreeningToolPage

pytestmark = pytest.mark.django_db

HTML_LANG = {
    "en": "en",
    "sq": "sq",
    "bs": "bs",
    "hr": "hr",
    "cnr": "cnr",
    "sr": "sr-Cyrl",
    "sr-latn": "sr-Latn",
    "mk": "mk",
}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_home_page_is_served_in_every_language_with_its_own_text(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    home = HomePage.objects.get()
    html = response.content.decode()
    assert getattr(home, f"title_{language.replace('-', '_')}") in html
    assert f'<html lang="{HTML_LANG[language]}">' in html


def test_home_pages_differ_between_languages(client):
    bodies = {code: client.get(f"/{code}/").content.decode() for code in LANGUAGE_CODES}
    titles = {re.search(r"<h1>(.*?)</h1>", body, re.S).group(1).strip() for body in bodies.values()}
    assert len(titles) >= 6  # Bosnian, Croatian, Montenegrin may share words, not all eight


def test_head_lists_every_language_as_hreflang_alternate(client):
    html = client.get("/en/").content.decode()
    for code in LANGUAGE_CODES:
        assert f'hreflang="{bcp47(code)}"' in html


def test_montenegrin_is_a_known_language_with_its_native_name(client):
    html = client.get("/cnr/").content.decode()
    assert "Crnogorski" in html
    info = translation.get_language_info("cnr")
    assert info["name_local"] == "crnogorski"


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sr-Latn")
    assert response.status_code == 302
    assert re.match(r"^/[a-z-]+/$", response["Location"])


def test_kosovo_designation_note_is_on_every_page(client):
    for code in LANGUAGE_CODES:
        html = client.get(f"/{code}/").content.decode()
        assert "1244/1999" in html


@pytest.mark.parametrize("model", [PracticePage, GuidePage, ScreeningToolPage, HomePage])
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_generated_url_resolves(client, model, language):
    """Each page's URL in each language answers 200, also where that language is missing."""
    for page in model.objects.live().public()[:3]:
        with translation.override(language):
            url = page.get_url()
        assert url.startswith(f"/{language}/"), url
        assert client.get(url).status_code == 200, url


def test_switcher_links_to_the_same_page_under_its_translated_slug(client):
    practice = next(p for p in PracticePage.objects.live().public() if p.title_sr and p.title_en)
    with translation.override("en"):
        url_en = practice.get_url()
    with translation.override("sr"):
        url_sr = practice.get_url()
    assert url_en != url_sr
    html = client.get(url_en).content.decode()
    assert f'href="{url_sr}"' in html
    assert client.get(url_sr).status_code == 200


def test_switcher_on_a_view_that_is_not_a_page_keeps_the_view_and_its_query(client):
    html = client.get("/sr/search/", {"q": "mentor"}).content.decode()
    switcher = html[html.index('class="languages"') :]
    switcher = switcher[: switcher.index("</nav>")]
    for code in ("en", "sq", "mk", "sr-latn"):
        assert f'href="/{code}/search/?q=mentor"' in switcher, code
