"""The page tools and the print stylesheet as served (the browser behaviour: test_page_tools_browser.py)."""

import re

import pytest
from django.utils import translation

from practices.models import GuidePage

pytestmark = pytest.mark.django_db


def test_every_page_has_the_tools_and_the_print_stylesheet_without_inline_script(client):
    html = client.get("/hr/search/").content.decode()
    for tool in ("text-smaller", "text-larger", "print"):
        assert re.search(rf'<button type="button" data-page-tool="{tool}"', html)
    assert 'data-page-tool="pdf"' not in html  # no PDF for a search page
    assert re.search(r'<link rel="stylesheet" href="[^"]*printing/print[.\w]*\.css" media="print">', html)
    # A future Content-Security-Policy without unsafe-inline: scripts come from files only.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_a_guide_links_its_pdf_and_states_its_language_version_and_date_for_print(client):
    guide = GuidePage.objects.live().first()
    with translation.override("sr"):
        url = guide.get_url()
    html = client.get(url).content.decode()
    assert f'href="{url}pdf/" data-page-tool="pdf"' in html
    colophon = html[html.index('class="print-colophon') :]
    assert "Српски" in colophon and f"Верзија {guide.version}" in colophon
    assert "1244/1999" in html  # the Kosovo* note stays in the printed footer
