"""A search's counts (results and facet options) are asked apart from its hits, against the
real node: counted once for the pages of the same results, and never another visitor's or an
older index's counts."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from practices.tests.making import add_practices
from roles import VERIFIED_PROFESSIONALS
from search.documents import PageDocument
from search.tests.api import api, slugs

pytestmark = pytest.mark.django_db


def cache_hits(es_client):
    stats = es_client.indices.stats(index=PageDocument.alias(), metric="request_cache")
    return stats["_all"]["total"]["request_cache"]["hit_count"]


def test_the_next_page_of_the_same_results_is_not_counted_again(client, search_index):
    search_index.indices.clear_cache(index=PageDocument.alias(), request=True)
    first = api(client, q="prison", lang="en", page_size=2)
    before = cache_hits(search_index)
    second = api(client, q="prison", lang="en", page_size=2, page=2)
    assert cache_hits(search_index) > before  # the node answered the counts from its cache
    assert second["count"] == first["count"] > 2 and second["facets"] == first["facets"]
    assert not set(slugs(first)) & set(slugs(second))


def test_counts_follow_a_publish_and_are_never_another_visitors(client, search_index):
    page = PracticePage.objects.live().public().order_by("pk").first()
    page.title_en = "Quillwort mentoring circles"
    page.save_revision().publish()
    [other] = add_practices(1, title="Quillwort family visits", slug="quillwort")
    other.save_revision().publish()
    assert api(client, q="quillwort")["count"] == 2
    restriction = PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=VERIFIED_PROFESSIONALS)])
    other.save_revision().publish()  # the index learns the page's new access

    user = User.objects.create_user("verified")
    user.groups.add(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    client.force_login(user)
    verified = api(client, q="quillwort")
    client.logout()
    anonymous = api(client, q="quillwort")
    assert (verified["count"], anonymous["count"]) == (2, 1)
    assert {"value": "practice", "count": 1} in anonymous["facets"]["type"]
    assert slugs(anonymous) == [page.record_slug]
