"""Glossary expansion of search queries: a term typed in one spelling also finds its other reflexes."""

import pytest

from search.glossary import expansions

pytestmark = pytest.mark.django_db


def test_search_expands_an_ijekavian_query_to_the_ekavian_form():
    assert "maloletnik" in expansions("maloljetnik u zatvoru")
    assert "procjena rizika" in expansions("procena rizika")


def test_an_english_query_reaches_a_practice_written_only_in_bosnian_through_the_glossary(client, search_index):
    from practices.models import PracticePage
    from search.tests.api import api, slugs

    parent = PracticePage.objects.live().first().get_parent()
    page = PracticePage(
        title_bs="Liječenje ovisnosti u zatvoru",
        summary_bs="Supstitucijska terapija i grupe podrške za zatvorenike.",
        original_language="bs",
        slug="ovisnosti-u-zatvoru",
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    # Nothing in the page's text is English, nor a letter or two from it: "addiction
    # treatment" meets "liječenje ovisnosti" only as the glossary's equivalent.
    assert slugs(api(client, q="addiction treatment", lang="en"))[:1] == ["ovisnosti-u-zatvoru"]
