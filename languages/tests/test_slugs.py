"""A page's slugs are unique among its siblings in every language, checked in the database:
publishing a practice does not load the other practices."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models.signals import post_init
from wagtail.models import Page

from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


def pages_loaded_publishing(page):
    loaded = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            loaded.append(instance.pk)

    post_init.connect(count, weak=False)
    try:
        page.save_revision().publish()
    finally:
        post_init.disconnect(count)
    return len(loaded)


def test_publishing_a_practice_does_not_load_its_siblings():
    practice = PracticePage.objects.live().first()
    few = pages_loaded_publishing(practice)
    index = PracticeIndexPage.objects.get()
    for number in range(5):  # each was loaded again by every clean() of save_revision() and publish()
        index.add_child(instance=PracticePage(title_en=f"Sibling practice {number}", slug_en=f"sibling-{number}"))
    many = pages_loaded_publishing(PracticePage.objects.get(pk=practice.pk))
    assert many <= few, f"{many - few} more page objects loaded with 5 more siblings"


def test_a_slug_a_sibling_answers_to_in_a_language_is_refused_there():
    first, second = PracticePage.objects.live().order_by("pk")[:2]
    second.slug_mk = first.slug_mk  # the same Macedonian slug
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert "slug_mk" in refused.value.message_dict

    # Without a Serbian slug of its own, the first answers to its English one in Serbian too.
    first.slug_sr = ""
    first.save()
    second.refresh_from_db()
    second.slug_sr = first.slug_en
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert set(refused.value.message_dict) & {"slug_sr"}


def test_every_translated_slug_column_is_indexed(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailcore_page'")
        definitions = " ".join(row[0] for row in cursor.fetchall())
    for code in ("en", "sq", "bs", "hr", "cnr", "sr", "sr_latn", "mk"):
        assert f"(slug_{code})" in definitions, code
