"""Did you mean, autocomplete and the HTML search page, against the real node."""

import datetime
import math
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from languages.transliteration import fold
from practices.models import PracticePage
from search.client import _client
from search.tests.api import api

pytestmark = pytest.mark.django_db

# Occurs only in the title or summary of a restricted practice (demo/data/practices.json,
# the Sremska Mitrovica one); the premise is checked in the test.
RESTRICTED_ONLY_WORD = "sremska"


def complete(client, **params):
    return api(client, "/api/v1/autocomplete/", **params)


def restricted_practices():
    return PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page"))


def log_in(client, name, verified):
    user = User.objects.create_user(name)
    if verified:
        user.groups.add(Group.objects.get(name="Verified professionals"))
    client.force_login(user)


def result_links(html):
    """The result titles' URLs, in order, from the search page (each link passes through the
    counter of opened results, `search_open`, whose `to` is the page)."""
    listing = html.split('<ol class="results"', 1)[1].split("</ol>", 1)[0]
    links = re.findall(r'<h2><a href="([^"]+)">', listing)
    return [link_target(unescape(link)) for link in links]


def link_target(link):
    # A search for words counts the opened result (the link passes through `search_open`);
    # a listing by filters alone links straight to the page.
    return parse_qs(urlsplit(link).query).get("to", [link])[0]


# --- Did you mean -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typo, corrected",
    [("radikalizacje", "radikalizacij"), ("resocijalizaciaj", "resocijalizacij"), ("rehabiltation", "rehabilitation")],
)
def test_a_misspelt_query_gets_a_suggestion(client, search_index, typo, corrected):
    suggestion = api(client, q=typo)["suggestion"]
    assert suggestion and suggestion.startswith(corrected)
    # The suggestion is a query that finds something as typed.
    assert api(client, q=suggestion)["count"] > 0


def test_a_cyrillic_typo_gets_a_suggestion(client, search_index):
    assert api(client, q="радикализацје", lang="sr")["suggestion"].startswith("radikalizacij")


def test_a_correct_query_gets_no_suggestion(client, search_index):
    # Typed without diacritics is not a typo: the regional fields already match it.
    assert api(client, q="zaposljavanje")["suggestion"] is None
    assert api(client, q="rehabilitation")["suggestion"] is None


def test_the_page_offers_the_corrected_search(client, search_index):
    html = client.get("/en/search/", {"q": "rehabiltation", "type": "practice"}).content.decode()
    assert "Did you mean:" in html
    link = re.search(r'Did you mean: <a href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert link and link.group(2) == "rehabilitation"
    assert "q=rehabilitation" in link.group(1) and "type=practice" in link.group(1)


def test_a_word_only_in_a_restricted_practice_is_never_suggested_to_others(client, search_index):
    import searchable
    from search.content import language_texts

    # "Did you mean" corrects towards the words of titles and summaries.
    indexed_text = [
        " ".join((texts["title"], texts["summary"])).lower()
        for texts in (language_texts(p, searchable.type_for(type(p)), "en") for p in restricted_practices())
        if texts
    ]
    assert any(RESTRICTED_ONLY_WORD in text for text in indexed_text), "premise: a restricted practice has the word"
    typo = "sremkska"
    public_hits = api(client, q=RESTRICTED_ONLY_WORD)
    assert public_hits["count"] == 0, "premise: no public page has the word"

    assert RESTRICTED_ONLY_WORD not in str(api(client, q=typo)).lower()
    assert RESTRICTED_ONLY_WORD not in client.get("/en/search/", {"q": typo}).content.decode().lower()
    log_in(client, "signed-in", verified=False)
    assert RESTRICTED_ONLY_WORD not in str(api(client, q=typo)).lower()

    # The same typo does find the word for those who may read the practice.
    log_in(client, "verified", verified=True)
    assert api(client, q=typo)["suggestion"] == RESTRICTED_ONLY_WORD


# --- Autocomplete ---------------------------------------------------------------------------


def test_autocomplete_matches_cyrillic_titles_from_a_latin_prefix(client, search_index):
    data = complete(client, q="resoc", lang="mk")
    assert data["degraded"] is False
    titles = [item["title"] for item in data["results"]]
    assert titles and all("ресоцијализација" in title.lower() for title in titles)
    assert {item["language"] for item in data["results"]} == {"mk"}
    assert all(item["url"].startswith("/mk/") for item in data["results"])


def test_autocomplete_matches_without_diacritics_in_both_scripts(client, search_index):
    latin = complete(client, q="zapos", lang="bs")["results"]
    assert any("zapošljavanju" in item["title"] for item in latin if item["language"] == "bs")
    cyrillic = complete(client, q="zapos", lang="sr")["results"]
    assert any("запошљавање" in item["title"].lower() for item in cyrillic if item["language"] == "sr")
    # Every title offered has a word starting so, in whichever script it is shown.
    for item in latin + cyrillic:
        assert re.search(r"\bzaposlj", fold(item["title"])), item["title"]


def test_autocomplete_gives_titles_in_the_visitors_language_where_they_exist(client, search_index):
    page = next(p for p in PracticePage.objects.live().public() if p.title_en and p.title_sq)
    prefix = " ".join(page.title_sq.split()[:2])[:-1]  # the second word cut short
    item = next(i for i in complete(client, q=prefix, lang="en")["results"] if i["title"] == page.title_en)
    assert item["language"] == "en" and item["type"] == "practice"


def test_autocomplete_is_at_most_ten_titles(client, search_index):
    assert len(complete(client, q="p", lang="en")["results"]) == 10


def test_autocomplete_never_offers_restricted_titles_to_others(client, search_index):
    for page in restricted_practices():
        title = page.title_en or page.localized_value("title")
        prefix = " ".join(title.split()[:3])
        assert title not in str(complete(client, q=prefix, lang="en"))
    page = restricted_practices().exclude(title_en="").first()
    prefix = " ".join(page.title_en.split()[:3])
    log_in(client, "signed-in", verified=False)
    assert page.title_en not in str(complete(client, q=prefix, lang="en"))
    log_in(client, "verified", verified=True)
    assert page.title_en in [item["title"] for item in complete(client, q=prefix, lang="en")["results"]]


def test_autocomplete_empty_query_is_no_results(client, search_index):
    assert complete(client, q="  ") == {"results": [], "degraded": False}


@pytest.mark.parametrize("params, parameter", [({"q": "a" * 257}, "q"), ({"q": "x", "lang": "de"}, "lang")])
def test_autocomplete_bad_parameters_are_400(client, params, parameter):
    response = client.get("/api/v1/autocomplete/", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize("query", ['"unbalanced', "*?~^", "<script>", "\\", "title:x", "ђ" * 256])
def test_autocomplete_answers_any_characters(client, search_index, query):
    assert client.get("/api/v1/autocomplete/", {"q": query}).status_code == 200


def test_autocomplete_says_degraded_when_elasticsearch_is_down(client):
    _client.cache_clear()
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        data = complete(client, q="resoc")
    _client.cache_clear()
    assert data == {"results": [], "degraded": True}


def test_the_search_box_is_wired_to_autocomplete(client):
    html = client.get("/en/search/").content.decode()
    assert 'data-autocomplete-url="/api/v1/autocomplete/"' in html and 'data-lang="en"' in html
    assert re.search(r'<script src="/static/search/autocomplete\.[0-9a-f.]*js" defer>', html)


# --- The HTML search page ------------------------------------------------------------------


def test_the_page_shows_facet_counts_that_filter(client, search_index):
    counts = {b["value"]: b["count"] for b in api(client, q="", type="practice", lang="en")["facets"]["beneficiary"]}
    html = client.get("/en/search/", {"type": "practice"}).content.decode()
    facet = html.split('data-facet="beneficiary"', 1)[1].split("</section>", 1)[0]
    kosovo = re.search(
        r'<a href="([^"]+beneficiary=XK[^"]*)"><span>Kosovo\*</span> '
        r'<span class="native">\(Kosova / Kosovo\*\)</span> <span class="count">(\d+)</span>',
        facet,
    )
    assert kosovo and int(kosovo.group(2)) == counts["XK"]
    filtered = client.get("/en/search/" + kosovo.group(1).replace("&amp;", "&")).content.decode()
    assert len(result_links(filtered)) == counts["XK"]
    # The chosen value is marked and can be removed.
    assert 'aria-current="true"' in filtered.split('data-facet="beneficiary"', 1)[1].split("</section>", 1)[0]


def practices_found(client, **params):
    """The practices' links on the search page for "mentoring" (news mention mentoring too)."""
    return result_links(client.get("/en/search/", {"q": "mentoring", "type": "practice", **params}).content.decode())


def test_sorting_by_newest_puts_the_latest_published_first(client, search_index):
    from search.rebuild import rebuild

    by_relevance = practices_found(client)
    assert len(by_relevance) >= 3
    # Publish dates opposite to relevance: the most relevant practice is the oldest.
    start = timezone.make_aware(datetime.datetime(2020, 1, 1))
    for age, url in enumerate(by_relevance):
        page = next(p for p in PracticePage.objects.live().public() if p.get_url() == url)
        PracticePage.objects.filter(pk=page.pk).update(first_published_at=start + datetime.timedelta(days=age))
    rebuild()
    assert practices_found(client) == by_relevance
    assert practices_found(client, sort="newest") == by_relevance[::-1]
    page = client.get("/en/search/", {"q": "mentoring", "type": "practice", "sort": "newest"}).content.decode()
    assert '<option value="newest" selected>' in page


def test_pagination_walks_through_every_result(client, search_index):
    total = api(client, q="", type="practice")["count"]
    seen = []
    html = client.get("/en/search/", {"type": "practice", "page_size": 5}).content.decode()
    assert 'rel="prev"' not in html
    while True:
        seen += result_links(html)
        following = re.search(r'<a href="([^"]+)" rel="next">', html)
        if not following:
            break
        assert 'rel="prev"' in client.get("/en/search/" + following.group(1).replace("&amp;", "&")).content.decode()
        html = client.get("/en/search/" + following.group(1).replace("&amp;", "&")).content.decode()
    assert len(seen) == len(set(seen)) == total
    assert f'aria-current="page">{math.ceil(total / 5)}<' in html  # ends on the last page


def test_results_in_another_language_are_labelled(client, search_index):
    page = next(p for p in PracticePage.objects.live().public() if p.title_sr and not p.title_en)
    html = client.get("/en/search/", {"q": page.title_sr}).content.decode()
    listing = html.split('<ol class="results"', 1)[1]
    item = listing.split(f">{page.title_sr}</a>", 1)[1].split("</li>", 1)[0]
    assert '<span class="tag">in српски</span>' in item


@pytest.mark.parametrize(
    "params", [{"page": "0"}, {"sort": "oldest"}, {"beneficiary": "XX"}, {"page": "500", "page_size": "100"}]
)
def test_bad_parameters_on_the_page_are_a_clear_400(client, params):
    response = client.get("/en/search/", {"q": "mentoring", **params})
    assert response.status_code == 400
    assert "is not valid" in response.content.decode()


@pytest.mark.parametrize(
    "q, shown",
    [
        # Macedonian words (стручна обука, посредување, вработување) typed in Latin
        ("strucna obuka posreduvanje vrabotuvanje", "mk"),
        ("formim profesional ndermjetesim", "sq"),
        ("vocational training job placement", "en"),
    ],
)
def test_a_result_missing_the_visitors_language_is_shown_in_the_language_that_matched(client, search_index, q, shown):
    # The practice is written in English, Albanian and Macedonian, not in Bosnian: a Bosnian
    # reader sees it in the language her words were found in (her fallback chain would give
    # English every time), labelled as such on the page.
    data = api(client, q=q, lang="bs")
    item = next(item for item in data["results"] if item["slug"] == "al-vocational-training-fushe-kruje")
    assert item["language"] == shown
    assert item["url"].startswith(f"/{shown}/")


def test_a_result_in_the_visitors_language_stays_in_it_whatever_matched(client, search_index):
    data = api(client, q="formim profesional ndermjetesim", lang="mk")
    item = next(item for item in data["results"] if item["slug"] == "al-vocational-training-fushe-kruje")
    assert item["language"] == "mk"
