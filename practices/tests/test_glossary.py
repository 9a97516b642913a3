"""The public glossary: every term with its equivalents, reflex spellings labelled, findable in any script."""

import pytest
from django.utils import translation

from languages.codes import LANGUAGE_CODES
from practices.models import GlossaryPage, GlossaryTerm

pytestmark = pytest.mark.django_db


def glossary_url(language):
    with translation.override(language):
        return GlossaryPage.objects.get().get_url()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_glossary_page_lists_every_term_in_every_language(client, language):
    response = client.get(glossary_url(language))
    assert response.status_code == 200
    assert len(response.context["entries"]) == GlossaryTerm.objects.count() >= 40
    html = response.content.decode()
    # Each entry shows the equivalents in all eight languages.
    assert html.count('<th scope="row">') == 8 * GlossaryTerm.objects.count()


def test_entries_are_in_the_visitors_language_and_script(client):
    entries = client.get(glossary_url("sr")).context["entries"]
    security = next(e for e in entries if e.slug == "prison-security")
    assert security.term.startswith("служба")
    entries = client.get(glossary_url("sq")).context["entries"]
    assert next(e for e in entries if e.slug == "radicalisation").term == "radikalizim"


def test_ekavian_and_ijekavian_forms_are_labelled(client):
    html = client.get(glossary_url("en")).content.decode()
    assert "ekavian: procena rizika" in html
    assert "ijekavian: procjena rizika" in html


@pytest.mark.parametrize("typed", ["obezbjedjenje", "обезбеђење", "OBEZBEĐENJE"])
def test_finding_a_term_without_diacritics_or_in_the_other_script(client, typed):
    entries = client.get(glossary_url("hr"), {"q": typed}).context["entries"]
    assert "prison-security" in [e.slug for e in entries]
    assert len(entries) < GlossaryTerm.objects.count()


def test_a_query_matching_nothing_says_so(client):
    response = client.get(glossary_url("bs"), {"q": "x" * 500})
    assert response.status_code == 200
    assert response.context["entries"] == []


def test_main_menu_links_every_section_including_the_glossary(client):
    html = client.get("/sq/").content.decode()
    menu = html[html.index('class="main-menu"') :]
    menu = menu[: menu.index("</nav>")]
    assert "Fjalorth" in menu and "Praktika të mira" in menu
