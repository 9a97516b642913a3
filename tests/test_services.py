"""The suite runs against real services: PostgreSQL, and an Elasticsearch 8 node."""

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_database_is_postgresql():
    assert connection.vendor == "postgresql", "run the suite with `make test` (DATABASE_URL to PostgreSQL)"
    with connection.cursor() as cursor:
        cursor.execute("show server_version")
        assert int(cursor.fetchone()[0].split(".")[0]) >= 13


def test_node_is_elasticsearch_8(es_client):
    nodes = es_client.nodes.info()["nodes"]
    assert all(node["version"].startswith("8.") for node in nodes.values())


def test_wagtail_builtin_elasticsearch8_backend_indexes_and_searches_on_the_node(es_client):
    """The benchmark compares against this backend, so it must work on the embedded node."""
    backend = get_search_backend(
        "wagtail.search.backends.elasticsearch8",
        URLS=[settings.ELASTICSEARCH_URL],
        INDEX_PREFIX="portal-test-builtin-",
        ATOMIC_REBUILD=False,
    )
    index = backend.get_index_for_model(Page)
    try:
        index.reset()
        assert es_client.indices.exists(index=index.name)
        index.add_model(PracticePage)
        pages = list(PracticePage.objects.live().public())
        index.add_items(PracticePage, pages)
        index.refresh()
        english = next(p for p in pages if p.title_en)
        first_word = max(english.title_en.split(), key=len)
        results = backend.search(first_word, PracticePage)
        assert english.pk in [page.pk for page in results]
    finally:
        es_client.indices.delete(index="portal-test-builtin-*", ignore_unavailable=True, allow_no_indices=True)
