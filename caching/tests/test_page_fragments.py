"""A page's addresses in its languages (hreflang, canonical, the language switcher) are remembered
per revision and language, yet follow a rename at once, on the host the visitor came to."""

import re

import pytest
from django.utils import translation

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def english_url(page):
    with translation.override("en"):
        return page.get_url()


def albanian_links(html):
    head = re.findall(r'<link rel="alternate" hreflang="sq" href="([^"]+)">', html)
    switcher = re.findall(r'<a href="([^"]+)" hreflang="sq"', html)
    return head + switcher


def test_a_pages_language_links_follow_a_rename_and_the_host(client):
    practice = PracticePage.objects.live().public().exclude(slug_sq="").exclude(title_sq="").first()
    url = english_url(practice)
    before = albanian_links(client.get(url).content.decode())
    assert len(before) == 2 and all(f"/{practice.slug_sq}/" in link for link in before)

    practice.slug_sq = f"{practice.slug_sq}-ri"
    practice.save_revision().publish()
    after = albanian_links(client.get(url).content.decode())
    assert len(after) == 2 and all(f"/{practice.slug_sq}/" in link for link in after)

    other_host = albanian_links(client.get(url, HTTP_HOST="127.0.0.1").content.decode())
    assert other_host[0].startswith("http://127.0.0.1/")
