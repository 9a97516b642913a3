"""A listing served by the database (the node down, or a page past the index's window) reads the
page it shows without de-duplicating every practice: at 20 000 practices a DISTINCT over all
their columns sorted 20 MB on disk, twice (the count and the page), 550 ms a request
(docs/performance.md, "Scale bench")."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from practices.models import PracticeIndexPage, PracticePage
from search.client import _client

pytestmark = pytest.mark.django_db


@pytest.fixture
def node_down():
    _client.cache_clear()
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9", SEARCH_TIMEOUT=30):
        yield
    _client.cache_clear()


def plan(sql):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")  # a tiny table: ask what the query needs, not what is cheap
        cursor.execute(f"EXPLAIN {sql}")  # values are inlined in captured SQL: no parameters
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_filtered_listing_from_the_database_lists_each_practice_once_without_de_duplicating_them(client, node_down):
    with translation.override("en"):
        url = PracticeIndexPage.objects.get().url
    with CaptureQueriesContext(connection) as context:
        html = client.get(url, {"beneficiary": "AL"}).content.decode()
    albanian = PracticePage.objects.live().public().filter(beneficiaries__code="AL").order_by("-first_published_at")
    with translation.override("en"):
        assert [page.url for page in albanian if f'href="{page.url}"' in html] == [page.url for page in albanian]
    listed = [query["sql"] for query in context.captured_queries if '"first_published_at" DESC' in query["sql"]]
    assert listed
    for sql in listed:
        shape = plan(sql)
        assert "Unique" not in shape and "HashAggregate" not in shape, shape
