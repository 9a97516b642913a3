"""The tool's next version and its "what changed" entry are proposed from the approved changes."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

import roles
from instrument.proposal import next_version
from instrument.setup import WORKFLOW_NAME
from practices.models import Indicator, IndicatorDomain, ScreeningToolPage

pytestmark = pytest.mark.django_db


def member(username, group):
    user = User.objects.create_user(username, password="x-password-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def approved(obj, author, reviewer):
    """An author's revision, submitted to the instrument's review and approved by another Reviewer."""
    obj.save_revision(user=author)
    workflow = obj.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    task_state = workflow.start(obj, author).current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")


def test_the_proposal_lists_approved_changes_and_accepting_it_drafts_the_next_version(client):
    editor, reviewer = member("proposal-editor", roles.EDITORS), member("proposal-reviewer", roles.REVIEWERS)
    indicator = Indicator.objects.filter(live=True).order_by("pk").first()
    indicator.what_to_do_en = "Tell the shift supervisor before the end of the shift."
    approved(indicator, editor, reviewer)
    domain = IndicatorDomain(slug="sleep", name_en="Sleep", live=False)
    domain.save()
    approved(domain, editor, reviewer)
    unapproved = Indicator.objects.filter(live=True).order_by("pk").last()
    unapproved.save_revision(user=editor)  # a draft only: not in the proposal

    tool = ScreeningToolPage.objects.live().get()
    url = reverse("instrument_version_proposal", args=[tool.pk])
    client.force_login(editor)
    assert url in client.get(reverse("wagtailadmin_pages:edit", args=[tool.pk])).content.decode()
    html = client.get(url).content.decode()
    assert f"Indicator {indicator.name_en}: changed" in html
    assert "Indicator domain Sleep: added" in html
    assert unapproved.name_en not in html
    assert "data-proposed-version>2.1<" in html  # after 2.0, the last entry of the history

    assert client.post(url).status_code == 302
    draft = ScreeningToolPage.objects.get(pk=tool.pk).get_latest_revision_as_object()
    entry = list(draft.version_history.all())[-1]
    assert (draft.version, entry.version) == ("2.1", "2.1")
    assert entry.changes_en == f"Indicator {indicator.name_en}: changed; Indicator domain Sleep: added"
    assert ScreeningToolPage.objects.get(pk=tool.pk).version == "2.0"  # visitors: unchanged until approved


@pytest.mark.parametrize(("current", "proposed"), [("2.0", "2.1"), ("1.9", "1.10"), ("3", "3.1"), ("", "1.0")])
def test_the_next_version_is_a_minor_step(current, proposed):
    assert next_version(current) == proposed
