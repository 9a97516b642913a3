"""A practice shows its stored related practices and guides, and up to five similar practices
found by the index across languages, only ever those the visitor may open."""

import re

import pytest
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

from practices.access import verified_group
from practices.models import GuidePage, PracticePage

pytestmark = pytest.mark.django_db


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
