"""Search against the real node: matching across scripts and spellings, access, API, degradation."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import override_settings
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from search.client import _client
from search.tests.api import api, slugs

pytestmark = pytest.mark.django_db


def practice_with(field_value_test):
    return next(p for p in PracticePage.objects.live().public() if field_value_test(p))


def test_latin_query_without_diacritics_finds_cyrillic_practice(client, search_index):
    from anyascii import anyascii

    page = practice_with(lambda p: p.title_sr and not p.title_en)
    word = max(page.title_sr.split(), key=len)
    latin = anyascii(word).lower()  # e.g. "осуђених" -> "osudjenih": no diacritics, Latin
    assert page.record_slug in slugs(api(client, q=latin, lang="cnr"))


def test_cyrillic_query_finds_latin_text(client, search_index):
    from search.tests.translit import to_cyrillic

    page = practice_with(lambda p: p.title_sr_latn)
    word = max(page.title_sr_latn.split(), key=len)
    assert page.record_slug in slugs(api(client, q=to_cyrillic(word), lang="sr"))


def test_albanian_query_without_diacritics(client, search_index):
    page = practice_with(lambda p: p.title_sq and "ë" in p.title_sq)
    word = max((w for w in page.title_sq.split() if "ë" in w), key=len)
    assert page.record_slug in slugs(api(client, q=word.replace("ë", "e"), lang="sq"))


def test_results_come_in_the_visitors_language_where_it_exists(client, search_index):
    page = practice_with(lambda p: p.title_mk and p.title_en)
    data = api(client, q=page.title_en, lang="mk")
    hit = next(item for item in data["results"] if item["slug"] == page.record_slug)
    assert hit["language"] == "mk" and hit["title"] == page.title_mk
    assert hit["url"].startswith("/mk/")


def test_restricted_practices_never_reach_anonymous_visitors(client, search_index):
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page"))
    assert restricted.count() == 2
    for page in restricted:
        title = page.localized_value("title")
        data = api(client, q=title)
        assert page.record_slug not in slugs(data)
        assert title not in str(data)
    everything = api(client, q="", type="practice", page_size=100)
    assert everything["count"] == PracticePage.objects.live().public().count()


def test_verified_professionals_find_restricted_practices(client, search_index):
    page = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")).first()
    user = User.objects.create_user("verified-search")
    user.groups.add(Group.objects.get(name="Verified professionals"))
    client.force_login(user)
    assert page.record_slug in slugs(api(client, q=page.localized_value("title")))


def test_facets_count_beneficiaries(client, search_index):
    data = api(client, q="", type="practice", page_size=1)
    counts = {bucket["value"]: bucket["count"] for bucket in data["facets"]["beneficiary"]}
    assert set(counts) == {"AL", "BA", "ME", "MK", "RS", "XK"}
    filtered = api(client, q="", type="practice", beneficiary="AL")  # news and events share the facet
    assert filtered["count"] == counts["AL"]


def test_choosing_a_facet_value_keeps_the_other_values_counted(client, search_index):
    everything = api(client, q="", type="practice")
    by_beneficiary = {bucket["value"]: bucket["count"] for bucket in everything["facets"]["beneficiary"]}
    chosen = api(client, q="", type="practice", beneficiary="RS")
    assert chosen["count"] == by_beneficiary["RS"] < everything["count"]
    # The Beneficiary facet still offers the others, with what choosing them would give ...
    assert {bucket["value"]: bucket["count"] for bucket in chosen["facets"]["beneficiary"]} == by_beneficiary
    # ... while the other facets count only the chosen Beneficiary's practices.
    assert sum(bucket["count"] for bucket in chosen["facets"]["setting"]) <= chosen["count"]


def test_publishing_makes_a_page_searchable_at_once_and_unpublishing_removes_it(client, search_index):
    page = PracticePage.objects.live().public().first()
    page.unpublish()
    assert page.record_slug not in slugs(api(client, q=page.localized_value("title")))
    page.save_revision().publish()
    assert page.record_slug in slugs(api(client, q=page.localized_value("title")))


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"beneficiary": "XX"}, "beneficiary"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"q": "a" * 257}, "q"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, params, parameter):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize("parameter", ["q", "beneficiary", "theme", "setting", "target_group"])
@pytest.mark.parametrize("path", ["/api/v1/search/", "/en/search/", "/api/v1/autocomplete/"])
def test_a_nul_character_in_a_parameter_is_a_400_not_a_server_error(client, path, parameter):
    # Found by fuzzing (bench/fuzzing.py): PostgreSQL refuses NUL in text, so it was a 500.
    response = client.get(path, {"q": "prison", parameter: "pri\x00son"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query", ['"unbalanced', "a AND (b OR", "*?~^", "<script>alert(1)</script>", "ђ" * 256, "\\", "title:x"]
)
def test_any_characters_in_a_query_are_answered(client, search_index, query):
    assert client.get("/api/v1/search/", {"q": query}).status_code == 200
    assert client.get("/en/search/", {"q": query}).status_code == 200


def test_search_degrades_to_the_database_when_elasticsearch_is_down(client):
    page = PracticePage.objects.live().public().filter(title_en__isnull=False).exclude(title_en="").first()
    _client.cache_clear()
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        data = api(client, q=page.title_en)
        html = client.get("/en/search/", {"q": page.title_en})
    _client.cache_clear()
    assert data["degraded"] is True
    assert page.record_slug in slugs(data)
    assert html.status_code == 200
    assert "temporarily unavailable" in html.content.decode()
