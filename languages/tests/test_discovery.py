"""What search engines are told: hreflang alternates of the languages a page is written in,
x-default, canonical links for pages shown by fallback, a sitemap with alternates, and an
OpenSearch description."""

import re

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from practices.models import PracticePage

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<link rel="(alternate|canonical)"(?: hreflang="([^"]+)")? href="([^"]+)">')


def head_links(html):
    return [(rel, hreflang, href) for rel, hreflang, href in LINK.findall(html)]


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def test_a_cyrillic_only_practice_is_announced_in_serbian_scripts_and_canonical_from_a_fallback(client):
    page = next(p for p in PracticePage.objects.live().public() if p.available_languages() == ["sr"])
    links = head_links(client.get(url_in(page, "en")).content.decode())
    hreflangs = {hreflang: href for rel, hreflang, href in links if rel == "alternate"}
    assert set(hreflangs) == {"sr-Cyrl", "sr-Latn", "x-default"}
    assert hreflangs["x-default"].endswith(url_in(page, "sr"))  # no English: the original language
    canonical = [href for rel, _, href in links if rel == "canonical"]
    assert len(canonical) == 1 and canonical[0].endswith(url_in(page, "sr"))


def test_a_practice_in_every_language_is_its_own_canonical(client):
    page = next(p for p in PracticePage.objects.live().public() if len(p.available_languages()) == 8)
    links = head_links(client.get(url_in(page, "mk")).content.decode())
    hreflangs = [hreflang for rel, hreflang, _ in links if rel == "alternate"]
    assert len(hreflangs) == 9 and hreflangs[-1] == "x-default"
    assert [href for rel, _, href in links if rel == "canonical"][0].endswith(url_in(page, "mk"))


def test_the_sitemap_lists_each_language_with_alternates_and_no_restricted_page(client):
    xml = client.get("/sitemap.xml").content.decode()
    page = next(p for p in PracticePage.objects.live().public() if p.available_languages() == ["sr"])
    assert xml.count(f"<loc>http://testserver{url_in(page, 'sr')}</loc>") == 1
    assert xml.count(f"<loc>http://testserver{url_in(page, 'sr-latn')}</loc>") == 1
    assert f'hreflang="x-default" href="http://testserver{url_in(page, "sr")}"' in xml
    for restricted in PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")):
        assert restricted.slug_en not in xml


def test_browsers_can_add_the_portals_search(client):
    html = client.get("/sq/search/").content.decode()
    assert 'rel="search" type="application/opensearchdescription+xml" href="/sq/opensearch.xml"' in html
    response = client.get("/sq/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    body = response.content.decode()
    assert "<ShortName>Portali praktik</ShortName>" in body
    assert 'template="http://testserver/sq/search/?q={searchTerms}"' in body
