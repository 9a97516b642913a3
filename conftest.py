"""Test set-up shared by every app: demo content loaded once, real services required in CI."""

import os

import pytest
from django.conf import settings

REQUIRE_SERVICES = bool(os.environ.get("PORTAL_REQUIRE_SERVICES") or os.environ.get("CI"))


def pytest_collection_modifyitems(config, items):
    # Browser tests run against a live server in transactional mode, which empties the
    # database afterwards: run them last, after every test that reads the demo content.
    # Tests that stop and restart the Elasticsearch node go just before them.
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            item.get_closest_marker("es_restart") is not None,
        )
    )


def pytest_sessionstart(session):
    if REQUIRE_SERVICES and "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.exit("CI runs the suite against PostgreSQL: set DATABASE_URL (make test does)", returncode=3)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from demo.loader import DemoLoader

    with django_db_blocker.unblock():
        DemoLoader().load()


@pytest.fixture(scope="session")
def es_client():
    """The real Elasticsearch node. Unreachable is a failure, never a skip."""
    from search.client import get_client, healthy

    if not healthy():
        pytest.fail(f"Elasticsearch is not answering at {settings.ELASTICSEARCH_URL}; run the suite with `make test`")
    return get_client()


@pytest.fixture
def search_index(es_client, db):
    """A freshly built index over the pages in the test database; removed afterwards."""
    from search.rebuild import rebuild

    rebuild()
    yield es_client
    es_client.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture(autouse=True)
def fresh_glossary_cache():
    """A glossary term a test creates is rolled back with it: so is the expansion cache."""
    yield
    from search.glossary import clear_cache

    clear_cache()
