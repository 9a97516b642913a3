"""A practice shows its stored related practices and guides, and up to five similar practices
found by the index across languages, only ever those the visitor may open."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import PageViewRestriction

from languages.codes import LANGUAGE_CODES
from practices.access import restrict_to_verified, verified_group
from practices.models import GuidePage, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """URLs and headings in English, whatever language an earlier test left active."""
    with translation.override("en"):
        yield


def section(html, title):
    match = re.search(rf"<h2>{title}</h2>\s*<ul>(.*?)</ul>", html, re.S)
    return match.group(1) if match else ""


def restricted_ids():
    return set(PageViewRestriction.objects.values_list("page_id", flat=True))


def test_similar_practices_come_from_the_index_never_the_page_itself_nor_restricted_ones(client, search_index):
    page = PracticePage.objects.live().public().filter(title_en__icontains="mentor").first()
    similar = section(client.get(page.get_url()).content.decode(), "Similar practices")
    links = re.findall(r'<a href="([^"]+)"', similar)
    assert 1 <= len(links) <= 5
    assert page.get_url() not in links
    for restricted in PracticePage.objects.filter(pk__in=restricted_ids()):
        assert restricted.get_url() not in links


def test_stored_related_content_is_shown_to_those_who_may_open_it(client, search_index):
    page, public_other = PracticePage.objects.live().public()[:2]
    restricted = PracticePage.objects.filter(pk__in=restricted_ids()).first()
    guide = GuidePage.objects.live().public().first()
    page.related_practices.set([public_other, restricted])
    page.related_guides.set([guide])
    page.save_revision().publish()

    html = client.get(page.get_url()).content.decode()
    assert public_other.get_url() in section(html, "Related practices")
    assert restricted.get_url() not in section(html, "Related practices")
    assert guide.get_url() in section(html, "Related guides")

    professional = User.objects.create_user("related-reader", password="x-long-password-1")
    professional.groups.add(verified_group())
    client.force_login(professional)
    assert restricted.get_url() in section(client.get(page.get_url()).content.decode(), "Related practices")


def test_similar_practices_are_remembered_until_a_page_changes(client, search_index, monkeypatch):
    from search.similar import SimilarPages

    page = PracticePage.objects.live().public().filter(title_en__icontains="mentor").first()
    first = section(client.get(page.get_url()).content.decode(), "Similar practices")
    asked = []
    execute = SimilarPages.execute
    monkeypatch.setattr(SimilarPages, "execute", lambda self: asked.append(1) or execute(self))
    # The same page again: the same list, without a new more-like-this search.
    assert section(client.get(page.get_url()).content.decode(), "Similar practices") == first
    assert asked == []
    # A similar practice is unpublished: it is gone from the list at once.
    shown = re.findall(r'<a href="([^"]+)"', first)[0]
    gone = next(p for p in PracticePage.objects.live() if p.get_url() == shown)
    gone.unpublish()
    assert shown not in section(client.get(page.get_url()).content.decode(), "Similar practices")
    assert asked == [1]


TWIN_FIELDS = ("title", "summary", "problem", "approach", "results", "lessons_learned", "transferability")


def node_searches(es_client):
    """How many searches the node has answered on the portal's indices (its own count)."""
    stats = es_client.indices.stats(index=f"{settings.SEARCH_INDEX_PREFIX}-*", metric="search")
    return stats["_all"]["total"]["search"]["query_total"]


def publish_twin(page, name, restricted=False):
    """A new practice with the page's own words in every language: the most similar there is."""
    twin = PracticePage(original_language=page.original_language, live=False)
    for code in LANGUAGE_CODES:
        for field in TWIN_FIELDS:
            value = getattr(page, build_localized_fieldname(field, code)) or ""
            setattr(twin, build_localized_fieldname(field, code), f"{value} {name}" if field == "title" else value)
    twin.slug_en = twin.record_slug = name
    page.get_parent().add_child(instance=twin)
    if restricted:
        restrict_to_verified(twin, True)
    twin.save_revision().publish()
    return twin


def test_a_warm_practice_page_asks_the_node_nothing_yet_shows_a_new_similar_practice_at_once(client, search_index):
    page = PracticePage.objects.live().public().filter(title_en__icontains="mentor").first()
    url = page.get_url()
    client.get(url)  # the first view asks the node
    asked = node_searches(search_index)
    first = section(client.get(url).content.decode(), "Similar practices")
    assert first and node_searches(search_index) == asked

    twin = publish_twin(page, "twin-practice")
    assert twin.get_url() in section(client.get(url).content.decode(), "Similar practices")


def test_a_restricted_similar_practice_remembered_for_a_professional_is_never_shown_to_others(client, search_index):
    page = PracticePage.objects.live().public().filter(title_en__icontains="mentor").first()
    url = page.get_url()
    secret = publish_twin(page, "secret-twin", restricted=True)
    professional = User.objects.create_user("similar-reader", password="x-long-password-1")
    professional.groups.add(verified_group())
    client.force_login(professional)
    assert secret.get_url() in section(client.get(url).content.decode(), "Similar practices")

    client.logout()
    html = client.get(url).content.decode()
    assert section(html, "Similar practices") and secret.get_url() not in html
