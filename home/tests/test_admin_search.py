"""The admin's page search counts its matches once, from the page types' facet (home/admin_search.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from practices.models import PracticePage
from practices.tests.making import add_practices

pytestmark = pytest.mark.django_db

WORD = "prison"


@pytest.fixture
def more_than_a_page():
    add_practices(20, title="Prison practice", slug="prison")


def search(client, query):
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"/admin/pages/search/{query}")
    assert response.status_code == 200
    return response, [captured["sql"] for captured in context.captured_queries]


def test_the_counts_shown_are_the_matches_and_no_count_query_is_sent(client, admin_user, more_than_a_page):
    client.force_login(admin_user)
    matches = Page.objects.all().autocomplete(WORD).count()
    assert matches > 20  # more than a page of results: the paginator needs the count
    response, queries = search(client, f"?q={WORD}")
    html = response.content.decode()
    assert f"All ({matches})" in html
    assert f"There are {matches} matching pages" in html
    by_type = [int(count) for count in re.findall(r"\((\d+)\)</a></li>", html)]
    assert sum(by_type) == matches
    assert response.context["paginator"].count == matches
    assert not [sql for sql in queries if sql.startswith("SELECT COUNT(*)")]


def test_the_results_the_search_box_fetches_as_it_is_typed_are_counted_the_same_way(
    client, admin_user, more_than_a_page
):
    client.force_login(admin_user)
    matches = Page.objects.all().autocomplete(WORD).count()
    response, queries = search(client, f"results/?q={WORD}")
    assert f"There are {matches} matching pages" in response.content.decode()
    assert not [sql for sql in queries if sql.startswith("SELECT COUNT(*)")]


def test_a_chosen_page_type_is_paginated_by_its_own_count(client, admin_user, more_than_a_page):
    client.force_login(admin_user)
    practices = PracticePage.objects.all().autocomplete(WORD).count()
    assert practices
    response, _queries = search(client, f"?q={WORD}&content_type=practices.practicepage")
    assert response.context["paginator"].count == practices
    assert len(response.context["object_list"]) == min(20, practices)
    assert f"There are {Page.objects.all().autocomplete(WORD).count()} matching pages" in response.content.decode()


def test_a_search_without_matches_says_so(client, admin_user):
    client.force_login(admin_user)
    response, _queries = search(client, "?q=zzyzxq")
    assert "Sorry, no pages match" in response.content.decode()
    assert response.context["paginator"].count == 0
