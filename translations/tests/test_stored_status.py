"""Stored translation status: equal to the computed one, kept up to date by edits, read by the
admin views with a number of queries that does not grow with the content."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import PracticePage, ScreeningToolPage, Theme
from roles import TRANSLATORS, language_group_name
from translations.models import TranslationStatus
from translations.registry import object_key, tracked_models
from translations.status import object_rows
from translations.stored import GENERATION_KEY

pytestmark = pytest.mark.django_db

SLUG = "al-returnees-women-children"  # English source, translated into every language


def computed():
    """{(object key, language): (headline, fields)} as status.py computes it from the content."""
    return {
        (row.key, row.language): (row.status, row.fields)
        for _section, model in tracked_models()
        for obj in model.objects.all()
        for row in object_rows(obj)
    }


def stored():
    return {
        (f"{row.content_type.app_label}.{row.content_type.model}.{row.object_id}", row.language): (
            row.status,
            row.fields,
        )
        for row in TranslationStatus.objects.select_related("content_type")
    }


@pytest.fixture
def superuser(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", password="pw")
    client.force_login(user)
    return user


def test_stored_status_equals_the_computed_one_after_edits():
    page = PracticePage.objects.get(record_slug=SLUG)
    page.summary_en = "A rewritten summary."  # outdates every translation of it
    page.save_revision().publish()
    page = PracticePage.objects.get(pk=page.pk)
    page.title_sq = ""  # a draft only: translators work on it
    page.save_revision()
    theme = Theme.objects.first()
    theme.name_en = "A renamed theme"
    theme.save()
    tool = ScreeningToolPage.objects.get()
    entries = list(tool.version_history.all())
    entries[0].changes_en = "Revised entry."  # an inline item counts with its page
    tool.version_history = entries
    tool.save_revision().publish()

    assert stored() == computed()
    rows = stored()
    assert rows[(object_key(page), "bs")][1]["summary"] == "outdated"
    assert rows[(object_key(page), "sq")][1]["title"] == "missing"
    assert rows[(object_key(tool), "bs")][1]["version_history"] == "outdated"


def test_a_deleted_page_leaves_no_status_and_the_command_rebuilds_it():
    page = PracticePage.objects.get(record_slug=SLUG)
    key = object_key(page)
    page.delete()
    assert not [k for k in stored() if k[0] == key]
    TranslationStatus.objects.all().delete()
    call_command("rebuild_translation_status", verbosity=0)
    assert stored() == computed()


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def many_more_objects(count=60):
    Theme.objects.bulk_create([Theme(slug=f"extra-{n}", name_en=f"Extra theme {n}") for n in range(count)])
    call_command("rebuild_translation_status", verbosity=0)


@pytest.mark.parametrize("url", ["/admin/", "/admin/translations/", "/admin/translations/?status=missing&page=2"])
def test_admin_views_read_the_same_number_of_queries_with_more_content(client, superuser, url):
    queries(client, url)  # warm: content types, the admin's own caches, the counts
    before = queries(client, url)
    many_more_objects()
    queries(client, url)  # the counts of the new rows, cached
    assert queries(client, url) <= before


def test_the_report_is_paginated_50_rows_per_page(client, superuser):
    many_more_objects()
    html = client.get("/admin/translations/?section=taxonomies").content.decode()
    report = html.split("data-report>")[1]
    assert report.count("data-object=") == 50
    assert "?section=taxonomies&amp;page=2" in html
    second = client.get("/admin/translations/?section=taxonomies&page=2").content.decode()
    assert "data-object=" in second.split("data-report>")[1]


def pages_of(client, url):
    with CaptureQueriesContext(connection) as context:
        html = client.get(url).content.decode()
    counted = [query["sql"] for query in context.captured_queries if "COUNT(" in query["sql"]]
    return int(html.split("Page 1 of ")[1].split("<")[0].strip()), counted


def test_the_reports_pages_follow_its_rows_without_counting_them_on_each_view(client, superuser):
    url = "/admin/translations/?section=taxonomies"
    pages_of(client, url)
    pages, counted = pages_of(client, url)
    assert not counted
    many_more_objects(60)  # 420 more rows (7 languages to translate into): 8 or 9 more pages of 50
    assert pages_of(client, url)[0] >= pages + 8


def test_a_translator_filters_the_report_to_her_languages(client, django_user_model):
    user = django_user_model.objects.create_user("mirela", password="pw")
    user.groups.add(Group.objects.get(name=TRANSLATORS), Group.objects.get(name=language_group_name("sq")))
    client.force_login(user)
    report = client.get("/admin/translations/?mine=on").content.decode().split("data-report>")[1]
    languages = {part.split('"')[0] for part in report.split('data-language="')[1:]}
    assert languages == {"sq"}


def missing_count(client, language):
    html = client.get("/admin/translations/").content.decode()
    row = html.split(f'<tr data-language="{language}"><td>{language}</td><td>', 1)[1]
    return int(row.split("</td>", 1)[0])


def test_the_counts_are_counted_once_and_follow_a_change(client, superuser):
    queries(client, "/admin/translations/")
    cached = queries(client, "/admin/translations/")
    cache.delete(GENERATION_KEY)  # as a change of the stored status does
    assert queries(client, "/admin/translations/") == cached + 1, "counted again, once"
    assert queries(client, "/admin/translations/") == cached
    before = missing_count(client, "sq")
    practice = PracticePage.objects.get(record_slug=SLUG)
    practice.summary_sq = ""
    practice.save_revision().publish()
    assert missing_count(client, "sq") == before + 1
