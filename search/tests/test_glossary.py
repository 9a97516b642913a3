"""Glossary expansion of search queries: a term typed in one spelling also finds its other reflexes."""

import pytest

from search.glossary import expansions

pytestmark = pytest.mark.django_db


def test_search_expands_an_ijekavian_query_to_the_ekavian_form():
    assert "maloletnik" in expansions("maloljetnik u zatvoru")
    assert "procjena rizika" in expansions("procena rizika")
