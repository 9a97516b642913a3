"""Listings (the practice and guide indexes) served by the index, against the real node:
twenty a page, newest first, facets counted by Elasticsearch, never a restricted page, the
database when the node is down, and no parameter that breaks them."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.utils import translation
from wagtail.models import PageViewRestriction

from practices.models import Beneficiary, GuideIndexPage, PracticeIndexPage, PracticePage
from roles import VERIFIED_PROFESSIONALS
from search import listing
from search.client import _client
from search.tests.api import counts_cached

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"
ITEM = re.compile(r'<li(?: class="[^"]*")? lang="[^"]+">\s*<h2><a href="([^"]+)">')


@pytest.fixture(autouse=True)
def patient_search(settings):
    settings.SEARCH_TIMEOUT = 30  # a loaded machine must not degrade what these tests look at


def node_down():
    _client.cache_clear()
    return override_settings(ELASTICSEARCH_URL=CLOSED_PORT)


@pytest.fixture
def node_back():
    yield
    _client.cache_clear()


def add_practices(count):
    """`count` more public practices (the demo has 12 public ones), all from Albania, each published after the last."""
    index = PracticeIndexPage.objects.get()
    albania = Beneficiary.objects.get(code="AL")
    for number in range(count):
        page = PracticePage(title_en=f"Listed practice {number}", original_language="en", summary_en="Listed.")
        index.add_child(instance=page)
        page.beneficiaries.set([albania])
        page.save_revision().publish()


def listing_url():
    with translation.override("en"):
        return PracticeIndexPage.objects.get().url


def listed(html):
    return ITEM.findall(html)


def expected_order(user=None):
    """The practices a visitor may see, newest first, then by id (the stable tiebreaker)."""
    restricted = PageViewRestriction.objects.values("page")
    pages = PracticePage.objects.live().order_by("-first_published_at", "-pk")
    if user is None:
        pages = pages.exclude(pk__in=restricted)
    with translation.override("en"):
        return [page.url for page in pages]


def option_count(html, name, value):
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    match = re.search(rf'<option value="{value}"[^>]*>[^<]*\((\d+)\)</option>', select)
    return int(match.group(1)) if match else None


def test_the_practice_listing_pages_twenty_at_a_time_newest_first_with_counts_from_the_index(client, search_index):
    add_practices(9)
    first = client.get(listing_url()).content.decode()
    second_link = re.search(r'<a href="(\?page=2)" rel="next">', first)
    assert second_link, "a next link to page 2"
    before = counts_cached(search_index)
    second = client.get(listing_url() + second_link.group(1)).content.decode()
    assert 'rel="prev"' in second and 'aria-current="page">2<' in second
    # The second page's counts are the first's, from the node's request cache (search.listing).
    assert counts_cached(search_index) > before
    assert option_count(second, "beneficiary", "AL") == option_count(first, "beneficiary", "AL")
    assert len(listed(first)) == 20
    assert listed(first) + listed(second) == expected_order()

    albanian = PracticePage.objects.live().public().filter(beneficiaries__code="AL").distinct().count()
    assert option_count(first, "beneficiary", "AL") == albanian
    filtered = client.get(listing_url(), {"beneficiary": "AL"}).content.decode()
    assert len(listed(filtered)) == albanian and '<option value="AL" selected>' in filtered


def test_a_practice_restricted_while_the_node_was_down_is_neither_listed_nor_counted(client, search_index, node_back):
    albanian = PracticePage.objects.live().public().filter(beneficiaries__code="AL").exclude(title_en="")
    page = albanian.exclude(title_en__isnull=True).order_by("pk").first()
    before = option_count(client.get(listing_url()).content.decode(), "beneficiary", "AL")
    with node_down():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get(name=VERIFIED_PROFESSIONALS)])
    _client.cache_clear()
    html = client.get(listing_url()).content.decode()
    assert page.title_en not in html
    assert option_count(html, "beneficiary", "AL") == before - 1
    verified = User.objects.create_user("verified-lister")
    verified.groups.add(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    client.force_login(verified)
    assert page.title_en in client.get(listing_url()).content.decode()


def test_counts_from_the_nodes_cache_are_never_another_visitors_nor_an_older_indexs(client, search_index):
    page = PracticePage.objects.live().public().filter(beneficiaries__code="AL").order_by("pk").first()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=VERIFIED_PROFESSIONALS)])
    page.save_revision().publish()  # the index learns the page's access
    verified = User.objects.create_user("verified-counter")
    verified.groups.add(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    client.force_login(verified)
    counted_for_verified = option_count(client.get(listing_url()).content.decode(), "beneficiary", "AL")
    client.logout()
    counted_for_anonymous = option_count(client.get(listing_url()).content.decode(), "beneficiary", "AL")
    assert counted_for_anonymous == counted_for_verified - 1
    add_practices(1)  # one more Albanian practice: the index changes, its cached counts go
    assert option_count(client.get(listing_url()).content.decode(), "beneficiary", "AL") == counted_for_anonymous + 1


def test_without_the_node_the_listing_comes_from_the_database_paginated_and_filtered_without_counts(
    client, db, node_back, monkeypatch
):
    monkeypatch.setattr(listing, "LISTING_PAGE_SIZE", 8)  # the demo's practices on two pages
    with node_down():
        html = client.get(listing_url()).content.decode()
        filtered = client.get(listing_url(), {"beneficiary": "AL"}).content.decode()
        second = client.get(listing_url(), {"page": "2"}).content.decode()
    assert 'class="notice" role="status"' in html
    assert listed(html) + listed(second) == expected_order()
    assert 'rel="next"' in html and option_count(html, "beneficiary", "AL") is None
    albanian = PracticePage.objects.live().public().filter(beneficiaries__code="AL").distinct().count()
    assert len(listed(filtered)) == min(8, albanian)


def test_no_listing_parameter_is_a_server_error(client, search_index):
    cases = [
        ({"page": "abc"}, 200),
        ({"page": "0"}, 200),
        ({"page": "-3"}, 200),
        ({"page": "1e9"}, 200),
        ({"page": "٣"}, 200),
        ({"page": "99999"}, 404),
        ({"page": "9" * 40}, 404),
        ({"beneficiary": "ZZ"}, 200),
        ({"beneficiary": "AL\x00", "page": "\x00"}, 200),
        ({"theme": "x" * 500, "setting": "'; drop"}, 200),
    ]
    with translation.override("en"):
        urls = (PracticeIndexPage.objects.get().url, GuideIndexPage.objects.get().url)
    for params, status in cases:
        for url in urls:
            assert client.get(url, params).status_code == status, params


def test_the_guide_listing_lists_guides_with_beneficiary_counts(client, search_index):
    with translation.override("en"):
        index = GuideIndexPage.objects.get()
        guides = [guide.url for guide in index.get_children().live().public().specific()]
        html = client.get(index.url).content.decode()
    assert sorted(listed(html)) == sorted(guides)
    assert 'name="beneficiary"' in html
