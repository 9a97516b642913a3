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
