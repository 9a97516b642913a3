"""The "Instrument review" workflow: the indicators, their domains, the referral pathways and the
tool's page go live only when a Reviewer other than the change's author approves."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

import roles
from instrument.models import ReviewByAnotherTask
from practices.models import Indicator, IndicatorDomain, ReferralPathway, ScreeningToolPage

WORKFLOW_NAME = "Instrument review"
TASK_NAME = "Approval by another reviewer"
INSTRUMENT_SNIPPETS = (IndicatorDomain, Indicator, ReferralPathway)


def publish_permissions():
    return Permission.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*INSTRUMENT_SNIPPETS).values(),
        codename__startswith="publish_",
    )


def ensure_publish_permissions():
    """Reviewers publish what they approve (Wagtail checks the approver's permission); Editors
    never hold it, so their edit screen offers no Publish."""
    Group.objects.get(name=roles.REVIEWERS).permissions.add(*publish_permissions())
    for name in (roles.EDITORS, roles.TRANSLATORS):
        Group.objects.get(name=name).permissions.remove(*publish_permissions())


def ensure_instrument_review():
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = ReviewByAnotherTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ReviewByAnotherTask.objects.create(name=TASK_NAME)
    task.groups.set([Group.objects.get(name=roles.REVIEWERS)])
    # WorkflowTask directly: the workflow's own relation defers writes until workflow.save().
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for content_type in ContentType.objects.get_for_models(*INSTRUMENT_SNIPPETS).values():
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    for page in ScreeningToolPage.objects.all():
        WorkflowPage.objects.update_or_create(page=Page.objects.get(pk=page.pk), defaults={"workflow": workflow})
    ensure_publish_permissions()
    return workflow
