"""News and events: listing, filters, the Atom feed per language, search and the PDF."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import translation
from wagtail.models import PageViewRestriction

from news.models import EventPage, NewsIndexPage, NewsPage
from search import listing  # its page size, to page the demo's few items

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
COMMITTEE = "sixth-steering-committee-2025"


def api(client, **params):
    # The public search API, as a client calls it (search is another feature app: no import).
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(data):
    return [item["slug"] for item in data["results"]]


def listed_titles(client, language="en", **params):
    response = client.get(f"/{language}/news/", params)
    assert response.status_code == 200
    titles = [page.localized_value("title", language) for page in news_and_events()]
    html = response.content.decode()
    return sorted((t for t in titles if t in html), key=html.index)


def news_and_events():
    return [*NewsPage.objects.live(), *EventPage.objects.live()]


def feed(client, language):
    response = client.get(f"/{language}/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entry_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def listed_urls(html):
    return re.findall(r'<article class="card news-item"[^>]*>\s*<h2 class="card-title"><a href="([^"]+)"', html)


def expected_order(**filters):
    """The public news and events, newest first by their own dates, then by id."""
    items = [item for item in news_and_events() if item.pk not in restricted()]
    items = [item for item in items if all(matches(item, name, value) for name, value in filters.items())]
    with translation.override("en"):
        return [item.url for item in sorted(items, key=lambda item: (item.listing_date, item.pk), reverse=True)]


def restricted():
    return set(PageViewRestriction.objects.values_list("page", flat=True))


def matches(item, name, value):
    if name == "year":
        return item.listing_date.year == int(value)
    if isinstance(item, EventPage):
        return bool(item.beneficiary) and item.beneficiary.code == value
    return value in {b.code for b in item.beneficiaries.all()}


def option_count(html, name, value):
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    match = re.search(rf'<option value="{value}"[^>]*>[^<]*\((\d+)\)</option>', select)
    return int(match.group(1)) if match else None


@pytest.fixture
def small_pages(monkeypatch):
    # The demo's six news and events on two pages (the listing shows 20 a page: search.limits).
    monkeypatch.setattr(listing, "LISTING_PAGE_SIZE", 4)


def test_news_and_events_are_listed_by_the_index_newest_first_paged_and_counted(client, search_index, small_pages):
    committee = NewsPage.objects.get(record_slug=COMMITTEE)
    restriction = PageViewRestriction.objects.create(page=committee, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Verified professionals")])
    first = client.get("/en/news/").content.decode()
    next_link = re.search(r'<a href="(\?page=2)" rel="next">', first)
    assert next_link, "a next link to page 2"
    second = client.get("/en/news/" + next_link.group(1)).content.decode()
    assert listed_urls(first) + listed_urls(second) == expected_order()  # the restricted article neither
    with translation.override("en"):
        assert listed_urls(first)[0] == EventPage.objects.get(event_type="study-visit").url  # March 2026, the latest

    albanian = expected_order(beneficiary="AL")
    assert option_count(first, "beneficiary", "AL") == len(albanian)
    assert option_count(first, "year", "2026") == len(expected_order(year="2026"))
    filtered = client.get("/en/news/", {"beneficiary": "AL", "year": "2025"}).content.decode()
    assert listed_urls(filtered) == expected_order(beneficiary="AL", year="2025")[:4]
    assert '<option value="AL" selected>' in filtered and '<option value="2025" selected>' in filtered


def test_without_the_node_news_come_from_the_database_paged_and_filtered_without_counts(client, db, small_pages):
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        html = client.get("/en/news/").content.decode()
        second = client.get("/en/news/", {"page": "2"}).content.decode()
        filtered = client.get("/en/news/", {"year": "2025"}).content.decode()
    assert 'class="notice" role="status"' in html and 'rel="next"' in html
    assert listed_urls(html) + listed_urls(second) == expected_order()
    assert listed_urls(filtered) == expected_order(year="2025")[:4]
    assert option_count(html, "year", "2025") is None and '<option value="2025">' in html


def test_the_feed_is_atom_in_each_language_with_public_items_only(client):
    committee = NewsPage.objects.get(record_slug=COMMITTEE)
    assert committee.title_en in entry_titles(feed(client, "en"))
    assert committee.title_sr in entry_titles(feed(client, "sr"))  # Cyrillic in the Serbian feed
    root = feed(client, "sq")
    assert root.tag == f"{ATOM}feed" and root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated")
    assert committee.title_sq in entry_titles(root)

    restriction = PageViewRestriction.objects.create(page=committee, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Verified professionals")])
    training = NewsPage.objects.exclude(pk=committee.pk).first()
    training.unpublish()
    titles = entry_titles(feed(client, "en"))
    assert committee.title_en not in titles and training.title_en not in titles
    assert titles, "the other items are still there"


def test_news_and_events_are_types_of_search(client, search_index):
    committee = NewsPage.objects.get(record_slug=COMMITTEE)
    data = api(client, q="Steering Committee", lang="en")
    types = {bucket["value"] for bucket in data["facets"]["type"]}
    assert {"news", "event"} <= types
    assert committee.record_slug in slugs(api(client, q="Sarajevo 182", type="news", lang="en"))
    events = api(client, q="", type="event", beneficiary="ME")
    assert slugs(events) == ["study-visit-podgorica-2026"]


def test_a_news_item_has_a_pdf_in_its_language(client):
    committee = NewsPage.objects.get(record_slug=COMMITTEE)
    with translation.override("mk"):
        url = committee.get_url() + "pdf/"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "-mk.pdf" in response["Content-Disposition"]


def test_the_news_index_lives_at_news_in_every_language():
    index = NewsIndexPage.objects.get()
    for language in ("en", "sq", "sr", "sr-latn", "mk"):
        with translation.override(language):
            assert index.get_url() == f"/{language}/news/"
