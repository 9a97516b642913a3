"""Snippets mark what the visitor typed, in the language the result is shown in."""

import pytest

from search.tests.api import api

pytestmark = pytest.mark.django_db


def result_for(client, slug, **params):
    data = api(client, **params)
    return next(item for item in data["results"] if item["slug"] == slug)


def test_snippet_marks_the_query_word_in_the_shown_language(client, search_index):
    item = result_for(client, "al-returnees-women-children", q="repatriated", lang="en")
    assert item["language"] == "en"
    assert "<mark>repatriated</mark>" in item["snippet"].lower()


def test_snippet_marks_a_cyrillic_word_found_by_a_latin_query(client, search_index):
    # The Serbian-only practice is shown in Cyrillic; a Latin query without diacritics still marks it.
    item = result_for(client, "rs-postpenal-employment-novi-pazar", q="zaposljavanje", lang="sr")
    assert item["language"] == "sr"
    assert "<mark>" in item["snippet"]

