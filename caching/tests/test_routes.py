"""Remembered routes (caching/routes.py) never serve what the page tree no longer says: a page
unpublished, moved, renamed or restricted after its route was remembered."""

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def english_url(page):
    with translation.override("en"):
        return page.specific_deferred.get_url()


@pytest.fixture
def remembered(client):
    """A public practice whose route has just been remembered, and its English URL."""
    practice = PracticePage.objects.live().public().exclude(slug_en="").order_by("path").first()
    url = english_url(practice)
    assert client.get(url).status_code == 200
    return practice, url


def redirects_to(response, url):
    return response.status_code == 301 and response["Location"] == url


def test_an_unpublished_or_moved_page_leaves_its_remembered_address_at_once(client, remembered):
    practice, url = remembered
    practice.move(Site.objects.get(is_default_site=True).root_page, pos="last-child")
    practice.refresh_from_db()
    moved = english_url(practice)
    assert moved != url
    # The old address is no longer the page (a stale route would answer 200): Wagtail's redirect.
    assert redirects_to(client.get(url), moved)
    assert client.get(moved).status_code == 200

    practice.unpublish()
    assert client.get(moved).status_code == 404


def test_a_renamed_page_answers_at_its_new_slug(client, remembered):
    practice, url = remembered
    practice.slug_en = f"{practice.slug_en}-renamed"
    practice.save_revision().publish()
    renamed = url.rstrip("/") + "-renamed/"
    assert redirects_to(client.get(url), renamed)
    assert client.get(renamed).status_code == 200


def test_a_page_restricted_after_its_route_was_remembered_asks_for_a_login(client, remembered):
    practice, url = remembered
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_page_changed_where_this_process_did_not_hear_of_it_is_served_as_the_database_has_it(client, remembered):
    """Another web process published or unpublished it: no signal here, only its row changed."""
    practice, url = remembered
    assert client.get(url).status_code == 200  # the page itself is now kept in this process
    revision = practice.save_revision()
    PracticePage.objects.filter(pk=practice.pk).update(title_en="Published by another process", live_revision=revision)
    assert "<h1>Published by another process</h1>" in client.get(url).content.decode()

    PracticePage.objects.filter(pk=practice.pk).update(live=False)
    assert client.get(url).status_code == 404
