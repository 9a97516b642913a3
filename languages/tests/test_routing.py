"""A page is found by its slug in the database: serving it does not load its siblings."""

import pytest
from django.utils import translation

from languages.tests.loading import pages_loaded
from practices.models import PracticeIndexPage, PracticePage
from practices.tests.making import add_practices

pytestmark = pytest.mark.django_db


def pages_loaded_serving(client, url):
    """How many page objects serving `url` instantiates, and the response."""
    with pages_loaded() as loaded:
        response = client.get(url)
    return len(loaded), response


@pytest.mark.parametrize("language", ["en", "sr", "mk"])
def test_serving_a_practice_does_not_load_its_siblings(client, language):
    practice = PracticePage.objects.live().public().first()
    with translation.override(language):
        url = practice.get_url()
    before, response = pages_loaded_serving(client, url)
    assert response.status_code == 200, url

    add_practices(30, title="Sibling practice", slug="sibling")
    after, response = pages_loaded_serving(client, url)
    assert response.status_code == 200
    # At most as many: the second request may find the menu cached (caching/fragments.py).
    assert after <= before, f"{after - before} more page objects loaded with 30 more siblings"


def test_a_page_without_a_slug_in_the_language_is_reached_by_its_english_slug(client):
    practice = PracticePage.objects.live().public().filter(slug_mk__in=["", None]).first()
    if practice is None:  # every demo practice has a Macedonian slug: take one away
        practice = PracticePage.objects.live().public().first()
        practice.slug_mk = ""
        practice.save()
        practice.save_revision().publish()
    with translation.override("mk"):
        url = practice.get_url()
    assert url.endswith(f"/{practice.slug_en}/"), url
    assert client.get(url).status_code == 200


def test_renaming_a_section_rewrites_its_practices_urls_without_loading_them(client):
    def rename(slug):
        index = PracticeIndexPage.objects.get()
        index.slug_en = slug
        with pages_loaded() as loaded:
            index.save()
        return len(loaded)

    practice = PracticePage.objects.live().public().first()
    few = rename("practices-renamed")
    add_practices(30, title="Sibling practice", slug="sibling")
    many = rename("practices-renamed-again")
    assert many <= few, f"{many - few} more page objects loaded with 30 more practices"
    practice.refresh_from_db()
    assert practice.url_path_en.endswith(f"/practices-renamed-again/{practice.slug_en}/")
    with translation.override("en"):
        url = practice.get_url()
    assert "/practices-renamed-again/" in url and client.get(url).status_code == 200
