"""A page's slugs are unique among its siblings in every language, checked in the database:
publishing a practice does not load the other practices."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import querydict_from_html

from languages.tests.loading import pages_loaded
from practices.models import PracticePage
from practices.tests.making import add_practices

pytestmark = pytest.mark.django_db


def pages_loaded_publishing(page):
    with pages_loaded() as loaded:
        page.save_revision().publish()
    return len(loaded)


def test_publishing_a_practice_does_not_load_its_siblings():
    practice = PracticePage.objects.live().first()
    few = pages_loaded_publishing(practice)
    # Each was loaded again by every clean() of save_revision() and publish().
    add_practices(5, title="Sibling practice", slug="sibling")
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


def saved_in_the_editor(client, practice, **changes):
    """(the response, the ids of the pages the save loaded) for the edit form posted back
    with `changes`."""
    edit_url = f"/admin/pages/{practice.pk}/edit/"
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    with pages_loaded() as loaded:
        response = client.post(edit_url, data)
    return response, loaded


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)  # past the admin's MFA (conftest)
    return client


def test_saving_a_practice_in_the_editor_does_not_load_its_siblings(editor):
    practice = PracticePage.objects.live().order_by("pk").first()
    siblings = [page.pk for page in add_practices(5, title="Sibling practice", slug="sibling")]
    response, loaded = saved_in_the_editor(editor, practice, summary_en="An edit.")
    assert response.status_code == 302
    # wagtail-modeltranslation's form loaded each sibling once per language (40 here).
    assert not set(siblings) & set(loaded)


def test_the_editor_refuses_a_slug_a_sibling_answers_to_and_keeps_the_form(editor):
    first, second = PracticePage.objects.live().order_by("pk")[:2]
    response, _loaded = saved_in_the_editor(
        editor, second, slug_mk=first.slug_mk, summary_en="An edit that must come back."
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "This slug is already in use" in " ".join(errors.get("slug_mk", []))
    assert "An edit that must come back." in response.content.decode()
    assert PracticePage.objects.get(pk=second.pk).get_latest_revision_as_object().summary_en != (
        "An edit that must come back."
    )
