"""Search derives everything from the apps' declarations (`searchable`): a type declared by
another app is indexed, found and faceted, the database fallback searches the declared
texts, and facet values are checked before they reach Elasticsearch."""

import re

import pytest

import searchable
from home.models import HomePage
from practices.models import PracticePage
from search.fallback import database_search
from search.queries import SearchRequest
from search.rebuild import rebuild
from search.tests.api import api

pytestmark = pytest.mark.django_db

EVERYONE = ("public", "login", "verified")


@pytest.fixture
def home_is_searchable(monkeypatch, search_index):
    """The home page declared searchable, as its app would in its search_types.py."""
    from searchable import registry

    monkeypatch.setattr(registry, "_types", dict(registry._types))
    monkeypatch.setattr(HomePage, "search_fields", HomePage.search_fields)
    searchable.register(searchable.SearchableType("home.HomePage", summary="intro", body=("body",)))
    rebuild()
    return HomePage.objects.get()


def test_a_type_declared_by_another_app_is_indexed_found_and_faceted(client, home_is_searchable):
    home = home_is_searchable
    word = max(re.findall(r"\w+", home.intro_en), key=len)
    data = api(client, q=word, type="home", lang="en")
    assert [item["url"] for item in data["results"]] == [home.get_url()]
    assert {"value": "home", "count": 1} in data["facets"]["type"]
    assert home.get_url() not in [item["url"] for item in api(client, q=word, type="practice")["results"]]


def distinctive_word(page, field, others):
    """A long word of `page`'s English `field` that none of its other texts has."""
    elsewhere = " ".join(str(getattr(page, f"{name}_en") or "") for name in others).lower()
    words = re.findall(r"[a-z]{8,}", str(getattr(page, f"{field}_en") or "").lower())
    return next((word for word in words if word not in elsewhere), None)


@pytest.mark.parametrize("field", ["institutions", "transferability"])
def test_the_database_fallback_searches_every_declared_text(field):
    declaration = searchable.type_for(PracticePage)
    others = [name for name in declaration.text_fields if name != field]
    page, word = next(
        (page, word) for page in PracticePage.objects.live().public() if (word := distinctive_word(page, field, others))
    )
    found = database_search(SearchRequest(query=word, access=EVERYONE, page_size=100))
    assert found.degraded and page.record_slug in [item["slug"] for item in found.results], word


def test_fallback_and_index_results_have_one_shape(client, search_index):
    practice = PracticePage.objects.live().public().exclude(title_en="").first()
    indexed = next(
        item
        for item in api(client, q=practice.title_en, page_size=100)["results"]
        if item["slug"] == practice.record_slug
    )
    fallback = database_search(SearchRequest(query=practice.title_en, access=EVERYONE, page_size=100))
    from_database = next(item for item in fallback.results if item["slug"] == practice.record_slug)
    assert set(from_database) >= set(indexed)
    for key in ("slug", "type", "title", "url", "language", "beneficiaries"):
        assert from_database[key] == indexed[key], key


@pytest.mark.parametrize(
    "params",
    [
        {"year": "\u00b2"},  # passes str.isdigit(): it once forced the database path
        {"year": "20211"},
        {"theme": "no-such-theme"},
        {"target_group": "x" * 5000},
        {"setting": "<script>"},
        {"type": "homepage"},
        {"beneficiary": "XX"},
        {"language": "de"},
    ],
)
def test_a_value_no_facet_offers_is_refused_not_degraded(client, params):
    response = client.get("/api/v1/search/", {"q": "prison", **params})
    assert response.status_code == 400
    assert response.json()["parameter"] == next(iter(params))


def test_declared_facet_values_are_accepted(client, search_index):
    practice = next(p for p in PracticePage.objects.live().public() if p.setting and p.start_year and p.themes.exists())
    theme = practice.themes.first()
    data = api(client, q="", setting=practice.setting.slug, theme=theme.slug, year=str(practice.start_year))
    assert data["degraded"] is False and practice.record_slug in [item["slug"] for item in data["results"]]
