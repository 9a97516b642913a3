"""News and events: listing, filters, the Atom feed per language, search and the PDF."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import PageViewRestriction

from news.models import EventPage, NewsIndexPage, NewsPage

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


def test_news_and_events_are_listed_newest_first(client):
    committee = NewsPage.objects.get(record_slug=COMMITTEE)
    study_visit = EventPage.objects.get(event_type="study-visit")
    titles = listed_titles(client)
    assert titles[0] == study_visit.title_en  # March 2026, the latest
    june = NewsPage.objects.get(date__year=2025, date__month=6)
    assert titles.index(committee.title_en) < titles.index(june.title_en)
    assert "Sarajevo" in client.get(committee.get_url()).content.decode()


def test_the_listing_filters_by_beneficiary_and_year(client):
    albanian = listed_titles(client, beneficiary="AL")
    assert albanian and all(
        "AL" in {b.code for b in page.beneficiaries.all()} for page in NewsPage.objects.filter(title_en__in=albanian)
    )
    assert EventPage.objects.get(event_type="study-visit").title_en not in albanian
    assert listed_titles(client, year="2026") == [EventPage.objects.get(event_type="study-visit").title_en]


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
