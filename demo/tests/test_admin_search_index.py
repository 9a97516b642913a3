"""The demo loader brings the admin's search (Wagtail's database backend) up to date once, at the
end of the load: editors still find the demo's pages and snippets in the admin."""

import pytest
from wagtail.search.backends import get_search_backend

from practices.models import GlossaryTerm, PracticePage

pytestmark = pytest.mark.django_db


def longest_word(text):
    return max(text.split(), key=len)


def test_the_admin_search_finds_a_demo_practice_and_a_glossary_term():
    backend = get_search_backend()
    practice = PracticePage.objects.exclude(title_en="").order_by("pk").first()
    term = GlossaryTerm.objects.exclude(term_en="").order_by("pk").first()

    assert practice.pk in [page.pk for page in backend.search(longest_word(practice.title_en), PracticePage)]
    assert term.pk in [found.pk for found in backend.search(longest_word(term.term_en), GlossaryTerm)]
