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


def test_a_misspelt_query_marks_the_corrected_word(client, search_index):
    # Nothing matches "rehabiltation" as typed: the fuzzy fallback finds the pages, and the
    # snippets mark what "Did you mean" proposes (a fuzzy highlight would be far slower).
    data = api(client, q="rehabiltation", lang="en")
    assert data["count"] > 0 and data["suggestion"].startswith("rehabilitation")
    assert any("<mark>rehabilitation</mark>" in item["snippet"].lower() for item in data["results"])


def test_a_misspelt_query_costs_one_round_trip_more_at_most(client, search_index, node_requests):
    # The check of "Did you mean" and the marks of its correction travel together: a typo
    # costs two round trips to the node, not three (search/followups.py).
    data = api(client, q="rehabiltation", lang="en")
    assert any("<mark>rehabilitation</mark>" in item["snippet"].lower() for item in data["results"])
    assert 1 <= len(node_requests) <= 2, node_requests


def test_function_words_alone_find_nothing_and_never_fail(client, search_index):
    # "za", "i", "the" are in every text: they neither match on their own nor widen a query.
    assert api(client, q="za i the")["count"] == 0
    assert api(client, q="the prison")["count"] == api(client, q="prison")["count"]


def test_a_correction_the_results_already_show_costs_no_second_round_trip(client, search_index, node_requests):
    # "prison" finds pages whose titles hold "radicalisation" too: those hits passed the
    # visibility filter, so "Did you mean" is proposed without asking the node again whether
    # a visible page holds the word (search/followups.py).
    data = api(client, q="radicalisaton prison", lang="en")
    assert data["suggestion"] == "radicalisation prison"
    assert len(node_requests) == 1, node_requests
