"""A change to the screening instrument reaches visitors only when a Reviewer other than its author
approves it, and its history shows who changed what, when, with a diff (docs/editorial.md)."""

import subprocess

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

import roles
from practices.models import Indicator, ScreeningToolPage

pytestmark = pytest.mark.django_db

NEW_NAME = "Quinquefoliate pacing before dawn"


@pytest.fixture(autouse=True)
def fresh_pdf_cache(settings, request):
    settings.CACHES = {
        **settings.CACHES,
        "printing": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": request.node.nodeid},
    }


def member(username, *groups):
    first, last = username.split("-")
    user = User.objects.create_user(username, password="x-password-1", first_name=first, last_name=last)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def snippet_url(name, *args):
    return reverse(f"wagtailsnippets_practices_indicator:{name}", args=args)


def edit_and_submit(client, user, indicator, name):
    """What an editor does in the admin: change the English name, then Submit for review."""
    client.force_login(user)
    url = snippet_url("edit", indicator.pk)
    html = client.get(url).content.decode()
    assert 'name="action-publish"' not in html and 'name="action-submit"' in html
    data = querydict_from_html(html, form_id="w-editor-form")
    data["name_en"] = name
    data["action-submit"] = "action-submit"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Indicator.objects.get(pk=indicator.pk).current_workflow_task_state


def approve(client, user, indicator, task_state):
    client.force_login(user)
    return client.post(snippet_url("workflow_action", indicator.pk, "approve", task_state.pk), {"comment": ""})


def visitor_sees(client, tool, text):
    """On the tool's page, in its PDF and in search: the three places visitors read indicators."""
    client.logout()
    with translation.override("en"):
        url = tool.get_url()
    page = text in client.get(url).content.decode()
    pdf = client.get(url + "pdf/").content
    printed = text in " ".join(
        subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    results = client.get("/api/v1/search/", {"q": text}).json()["results"]
    found = tool.record_slug in [item["slug"] for item in results]
    return page, printed, found


def test_an_editors_indicator_change_reaches_visitors_after_another_reviewers_approval(client, search_index):
    tool = ScreeningToolPage.objects.live().public().get()
    indicator = Indicator.objects.filter(live=True).order_by("pk").first()
    old_name = indicator.name_en
    editor, reviewer = member("Erin-Editor", roles.EDITORS), member("Rita-Reviewer", roles.REVIEWERS)
    assert not editor.has_perm("practices.publish_indicator")

    task_state = edit_and_submit(client, editor, indicator, NEW_NAME)
    assert task_state is not None and task_state.task.name == "Approval by another reviewer"
    assert visitor_sees(client, tool, NEW_NAME) == (False, False, False)
    assert visitor_sees(client, tool, old_name)[:2] == (True, True)

    assert approve(client, reviewer, indicator, task_state).status_code == 302
    assert visitor_sees(client, tool, NEW_NAME) == (True, True, True)

    # History: both revisions, who made them and when, and the diff between them.
    client.force_login(reviewer)
    first, change = indicator.live_revision, task_state.revision
    assert Indicator.objects.get(pk=indicator.pk).live_revision == change
    assert change.user == editor and first.created_at < change.created_at
    history = client.get(snippet_url("history", indicator.pk)).content.decode()
    assert "Erin Editor" in history and "Rita Reviewer" in history
    assert snippet_url("revisions_compare", indicator.pk, first.pk, change.pk).split("/revisions/")[0] in history
    diff = client.get(snippet_url("revisions_compare", indicator.pk, first.pk, change.pk)).content.decode()
    assert old_name in diff and NEW_NAME in diff and 'class="deletion"' in diff and 'class="addition"' in diff


def test_no_one_approves_their_own_change_not_even_a_reviewer(client):
    indicator = Indicator.objects.filter(live=True).order_by("pk").last()
    old_name = indicator.name_en
    author = member("Ada-Author", roles.EDITORS, roles.REVIEWERS)
    other = member("Otto-Other", roles.REVIEWERS)

    # The author, a Reviewer too, has no Publish and no Approve; a crafted publish or approval is refused.
    client.force_login(author)
    url = snippet_url("edit", indicator.pk)
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["name_en"], data["action-publish"] = NEW_NAME, "action-publish"
    client.post(url, data)
    assert Indicator.objects.get(pk=indicator.pk).name_en == old_name
    task_state = edit_and_submit(client, author, indicator, NEW_NAME)
    assert [name for name, *_ in task_state.task.specific.get_actions(indicator, author)] == ["reject"]
    approve(client, author, indicator, task_state)  # the admin answers "no permission"
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, author, "approve")
    assert Indicator.objects.get(pk=indicator.pk).name_en == old_name

    assert approve(client, other, indicator, task_state).status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).name_en == NEW_NAME


def test_a_crafted_publish_of_the_tool_page_is_refused_even_to_a_reviewer(client):
    tool = ScreeningToolPage.objects.live().get()
    reviewer = member("Rhea-Reviewer", roles.REVIEWERS)
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:edit", args=[tool.pk])
    html = client.get(url).content.decode()
    assert 'name="action-publish"' not in html
    data = querydict_from_html(html, form_id="page-edit-form")
    data["purpose_en"] = "Self-published purpose"
    data["action-publish"] = "action-publish"
    client.post(url, data)
    assert Page.objects.get(pk=tool.pk).specific.purpose_en != "Self-published purpose"
    assert tool.get_workflow().name == "Instrument review"


def test_a_bulk_publish_of_the_tool_page_is_refused_even_to_a_reviewer(client):
    tool = ScreeningToolPage.objects.live().get()
    reviewer = member("Rhea-Reviewer", roles.REVIEWERS)
    draft = tool.specific
    draft.purpose_en = "Bulk-published purpose"
    draft.save_revision(user=reviewer)
    client.force_login(reviewer)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={tool.pk}"
    client.post(url, {"include_descendants": ""})
    assert Page.objects.get(pk=tool.pk).specific.purpose_en != "Bulk-published purpose"
