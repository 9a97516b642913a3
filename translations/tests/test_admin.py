"""The translation admin as editors and translators use it (Django test client, logged in)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from practices.models import PracticePage, Theme
from roles import TRANSLATORS
from translations.xliff import export_xliff

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user("mirela", password="pw")
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("edin", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_menu_and_dashboard_show_counts_per_language(client, translator):
    response = client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Translation status" in html
    assert "data-translation-counts" in html and 'data-language="bs"' in html


def test_report_filters_by_language_section_and_status(client, translator):
    untranslated = PracticePage.objects.get(record_slug="al-probation-family-tirana")  # Albanian only
    complete = PracticePage.objects.get(record_slug="al-returnees-women-children")
    html = client.get("/admin/translations/?language=bs&section=practices&status=missing").content.decode()
    assert f'data-object="practices.practicepage.{untranslated.pk}"' in html
    assert f'data-object="practices.practicepage.{complete.pk}"' not in html
    assert 'data-language="sq"' not in html.split("data-report")[1]
    assert "practices.theme." not in html  # another section
    assert f"/admin/pages/{untranslated.pk}/edit/" in html


def test_report_lists_outdated_fields_after_a_source_change(client, editor):
    page = PracticePage.objects.get(record_slug="al-returnees-women-children")
    page.results_en = "New results from the 2026 evaluation."
    page.save_revision().publish()
    html = client.get("/admin/translations/?language=mk&status=outdated").content.decode()
    row = html.split(f'data-object="practices.practicepage.{page.pk}"')[1].split("</tr>")[0]
    assert 'data-field="results" data-field-status="outdated"' in row
    assert 'data-field="summary"' not in row


def test_page_edit_view_shows_status_per_language(client, editor):
    page = PracticePage.objects.get(record_slug="xk-returnees-community-reintegration")
    page.summary_en = "Rewritten summary."
    page.save_revision().publish()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "data-translation-status" in html
    panel = html.split("data-translation-status")[1].split("</table>")[0]
    assert 'data-language="sq" data-status="outdated"' in panel
    assert 'data-field="summary" data-field-status="outdated"' in panel


def test_export_downloads_an_xliff_file(client, translator):
    page = PracticePage.objects.get(record_slug="al-probation-family-tirana")
    response = client.get(
        "/admin/translations/export/", {"objects": f"practices.practicepage.{page.pk}", "target": "en"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xliff+xml")
    assert b'version="2.0"' in response.content and b'srcLang="sq"' in response.content


def test_export_of_nothing_says_why(client, translator):
    response = client.get("/admin/translations/export/", {"target": "bs"}, follow=True)
    assert "Select at least one page or snippet" in response.content.decode()


def test_broken_upload_is_rejected_with_a_message_and_changes_nothing(client, translator):
    page = PracticePage.objects.get(record_slug="al-probation-family-tirana")
    revisions = page.revisions.count()
    upload = SimpleUploadedFile("broken.xlf", b"<xliff version='2.0'><file>", content_type="application/xml")
    response = client.post("/admin/translations/import/", {"file": upload})
    assert response.status_code == 400
    assert "not well-formed XML" in response.content.decode()
    assert page.revisions.count() == revisions


def test_an_admin_user_without_rights_on_an_object_cannot_import_into_it(client, django_user_model):
    outsider = django_user_model.objects.create_user("nobody", password="pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    theme = Theme.objects.first()
    data = export_xliff([theme], "hr").decode().replace("</source>", "</source><target>HR</target>", 1).encode()
    response = client.post("/admin/translations/import/", {"file": SimpleUploadedFile("t.xlf", data)})
    assert response.status_code == 400
    assert "you may not change" in response.content.decode()
    assert Theme.objects.get(pk=theme.pk).name_hr == theme.name_hr


def test_a_translator_may_not_publish_by_import(client, translator):
    page = PracticePage.objects.get(record_slug="al-probation-family-tirana")
    data = export_xliff([page], "en").decode().replace("</source>", "</source><target>EN</target>", 1).encode()
    response = client.post("/admin/translations/import/", {"file": SimpleUploadedFile("p.xlf", data), "publish": "on"})
    assert response.status_code == 400
    assert "you may not publish" in response.content.decode()
    assert not PracticePage.objects.get(pk=page.pk).has_unpublished_changes
