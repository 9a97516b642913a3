"""Editors' changes to practices, guides and the screening tool go through review (docs/editorial.md):
they cannot publish, they submit; a Reviewer approves and only then do visitors see the change."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import querydict_from_html

import roles
from practices.editorial import ensure_groups
from practices.models import GuidePage, PracticePage, ScreeningToolPage

pytestmark = pytest.mark.django_db


def member(name, group):
    user = User.objects.create_user(name, password="x-password-1")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize("model", [PracticePage, GuidePage, ScreeningToolPage])
def test_editors_edit_and_submit_but_cannot_publish(model):
    page = model.objects.live().first()
    permissions = page.permissions_for_user(member("editor", roles.EDITORS))
    assert permissions.can_edit() and not permissions.can_publish()
    assert page.permissions_for_user(member("reviewer", roles.REVIEWERS)).can_publish()


def test_running_the_set_up_again_takes_back_an_earlier_publish_permission():
    home = Page.objects.get(depth=2)
    editors = Group.objects.get(name=roles.EDITORS)
    GroupPagePermission.objects.create(group=editors, page=home, permission_id=_publish_permission().pk)
    ensure_groups(home)
    assert not GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").exists()


def _publish_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")


def test_an_editors_publish_waits_for_a_reviewers_approval(client):
    practice = PracticePage.objects.live().public().order_by("pk").first()
    with translation.override("en"):
        url = practice.get_url()
    edit_url = f"/admin/pages/{practice.pk}/edit/"
    client.force_login(member("editor", roles.EDITORS))
    html = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in html  # no Publish button to offer
    data = querydict_from_html(html, form_id="page-edit-form")
    data["summary_en"] = "Reviewed summary of the practice."
    data["action-publish"] = "action-publish"  # a crafted request is a draft, no more
    assert client.post(edit_url, data).status_code == 302
    assert "Reviewed summary" not in client.get(url).content.decode()

    data.pop("action-publish")
    data["action-submit"] = "action-submit"
    assert client.post(edit_url, data).status_code == 302
    task_state = Page.objects.get(pk=practice.pk).current_workflow_task_state
    assert task_state is not None and task_state.task.name == "Reviewers' approval"
    assert "Reviewed summary" not in client.get(url).content.decode()

    client.force_login(member("reviewer", roles.REVIEWERS))
    client.post(f"/admin/pages/workflow/action/{practice.pk}/approve/{task_state.pk}/", {"comment": ""})
    client.logout()
    assert "Reviewed summary" in client.get(url).content.decode()
