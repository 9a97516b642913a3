"""What browsers and shared caches are told, and the cached menu renewed on publish."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from practices.models import PracticeIndexPage, PracticePage
from roles import VERIFIED_PROFESSIONALS

pytestmark = pytest.mark.django_db


def english_url(page):
    with translation.override("en"):
        return page.url


def verified(client):
    user = User.objects.create_user("verified-cache")
    user.groups.add(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    client.force_login(user)


def test_anonymous_pages_are_public_for_a_while_and_a_verified_professionals_are_private(client, settings):
    settings.CACHE_MAX_AGE = 300
    practice = PracticePage.objects.live().public().exclude(title_en="").first()
    listing = english_url(PracticeIndexPage.objects.get())
    for url in (english_url(practice), listing, "/en/search/?q=prison"):
        response = client.get(url)
        assert response.status_code == 200
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"], url
        assert "Cookie" in response["Vary"]

    verified(client)
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")).first()
    for url in (english_url(restricted), listing, "/en/search/?q=prison"):
        response = client.get(url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"], url
    assert "public" not in client.get("/admin/")["Cache-Control"]


def menu(client, url):
    return client.get(url).content.decode().split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]


def section():
    return Site.objects.get(is_default_site=True).root_page.get_children().live().public().first().specific


def test_the_menu_is_cached_per_language_and_renewed_when_a_page_is_published(client):
    page = section()
    english, albanian = page.title_en, page.title_sq
    assert english in menu(client, "/en/")
    assert albanian in menu(client, "/sq/")
    Page.objects.filter(pk=page.pk).update(title_en="Renamed quietly")  # no signal: the cache stands
    assert english in menu(client, "/en/")

    page.refresh_from_db()
    page.title_en = "Renamed and published"
    page.save_revision().publish()
    assert "Renamed and published" in menu(client, "/en/")
