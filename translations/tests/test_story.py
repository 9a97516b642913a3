"""The translators' workflow end to end, as a new translator would go through it."""

from xml.etree import ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from practices.models import PracticePage
from roles import REVIEWERS, language_group_name
from translations.inline import XLIFF_NS

pytestmark = pytest.mark.django_db
SLUG = "al-probation-family-tirana"  # public, written in Albanian, in no other language


def translate(data):
    """The CAT tool: a Bosnian target for every unit, inline codes kept."""
    root = ET.fromstring(data)
    for segment in root.iter(f"{{{XLIFF_NS}}}segment"):
        target = ET.fromstring(ET.tostring(segment.find(f"{{{XLIFF_NS}}}source")))
        target.tag = f"{{{XLIFF_NS}}}target"
        for element in target.iter():
            if (element.text or "").strip():
                element.text = "BS: " + element.text
        segment.append(target)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def log_in(client, django_user_model, username, group, totp):
    """The login form, then the code from the translator's authenticator app (the admin's MFA)."""
    user = django_user_model.objects.create_user(username, password="a long passphrase")
    user.groups.add(Group.objects.get(name=group))
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = client.post("/admin/login/", {"username": username, "password": "a long passphrase"})
    assert response.status_code == 302
    assert client.post("/admin/2fa/auth", {"otp_token": totp(device)}).status_code == 302
    return user


def test_translator_exports_translates_imports_and_the_reviewed_page_shows_bosnian(client, django_user_model, totp):
    page = PracticePage.objects.get(record_slug=SLUG)
    key = f"practices.practicepage.{page.pk}"

    log_in(client, django_user_model, "amra", language_group_name("bs"), totp)
    dashboard = client.get("/admin/").content.decode()
    assert "data-translation-counts" in dashboard
    report = client.get("/admin/translations/", {"language": "bs", "status": "missing"}).content.decode()
    assert f'data-object="{key}"' in report

    exported = client.get("/admin/translations/export/", {"objects": key, "target": "bs"})
    assert exported.status_code == 200
    response = client.post(
        "/admin/translations/import/", {"file": SimpleUploadedFile("bs.xlf", translate(exported.content))}
    )
    assert response.status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    assert not page.summary_bs  # a draft, in review
    assert page.workflow_in_progress
    report = client.get("/admin/translations/", {"language": "bs", "status": "current"}).content.decode()
    assert f'data-object="{key}"' in report

    client.logout()
    log_in(client, django_user_model, "vesna", REVIEWERS, totp)
    task_state = page.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (200, 302)
    page = PracticePage.objects.get(pk=page.pk)
    assert page.summary_bs == f"BS: {page.summary_sq}"

    client.logout()
    with translation.override("bs"):
        public = client.get(page.get_url())
    assert public.status_code == 200
    assert f"BS: {page.title_sq}" in public.content.decode()


def test_a_translator_cannot_import_into_a_language_not_hers(client, django_user_model, totp):
    page = PracticePage.objects.get(record_slug=SLUG)
    key = f"practices.practicepage.{page.pk}"
    log_in(client, django_user_model, "amra", language_group_name("bs"), totp)
    exported = client.get("/admin/translations/export/", {"objects": key, "target": "mk"})
    assert exported.status_code == 200
    response = client.post(
        "/admin/translations/import/", {"file": SimpleUploadedFile("mk.xlf", translate(exported.content))}
    )
    assert response.status_code == 400
    assert "not one of your languages" in response.content.decode()
    page = PracticePage.objects.get(pk=page.pk)
    assert not page.summary_mk and not page.has_unpublished_changes
