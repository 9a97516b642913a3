"""Editors see the least helpful pages first, with their comments, by period and language."""

import datetime

import pytest
from django.utils import timezone

import roles
from feedback.models import Feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def answers():
    from practices.models import GuidePage, PracticePage

    weak, strong = PracticePage.objects.live().first(), GuidePage.objects.live().first()
    weak_answers = [(False, "Too vague for a prison wing.", "en"), (False, "", "hr"), (True, "", "en")]
    for helpful, comment, language in weak_answers:
        Feedback.objects.create(page=weak, helpful=helpful, comment=comment, language=language)
    for helpful, comment in [(True, "Clear steps."), (True, ""), (False, "Missing the annex.")]:
        Feedback.objects.create(page=strong, helpful=helpful, comment=comment, language="en")
    old = Feedback.objects.create(page=strong, helpful=False, comment="Old complaint.", language="en")
    Feedback.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=400))
    return weak, strong


@pytest.fixture
def editor_client(client, django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("ed", "ed@example.org", "a-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    return client


def test_the_least_helpful_page_comes_first_with_its_comments(editor_client, answers):
    weak, strong = answers
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    assert "Least helpful pages" in editor_client.get("/admin/").content.decode()  # in Reports
    content = editor_client.get("/admin/reports/least-helpful/", {"since": since}).content.decode()

    assert content.index(weak.title) < content.index(strong.title)
    assert "Too vague for a prison wing." in content and "Missing the annex." in content
    assert "Old complaint." not in content  # outside the period

    only_hr = editor_client.get("/admin/reports/least-helpful/", {"language": "hr"}).content.decode()
    assert weak.title in only_hr and strong.title not in only_hr


def test_the_report_exports_csv(editor_client, answers):
    weak, _strong = answers
    response = editor_client.get("/admin/reports/least-helpful/", {"export": "csv"})
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("Page,No,Yes,Helpful (%),Comments")
    assert rows[1].startswith(f"{weak.title},2,1,33,")


def test_people_who_cannot_edit_pages_do_not_get_the_report(client, django_user_model, answers):
    from django.contrib.auth.models import Group

    professional = django_user_model.objects.create_user("pro", "pro@example.org", "a-password-1")
    professional.groups.add(Group.objects.get(name=roles.VERIFIED_PROFESSIONALS))
    client.force_login(professional)
    assert client.get("/admin/reports/least-helpful/").status_code in (302, 403)
