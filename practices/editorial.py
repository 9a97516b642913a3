"""Groups, their permissions and the review workflow that editors publish through."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

import roles
from practices import access

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
SNIPPET_MODELS = (
    "beneficiary",
    "setting",
    "theme",
    "targetgroup",
    "glossaryterm",
    "indicator",
    "indicatordomain",
    "referralpathway",
)

# Page permissions on the home page (inherited by every section), by group. Editors write and
# submit for review; only Reviewers publish (docs/editorial.md, "Review before publishing").
PAGE_PERMISSIONS = {
    roles.EDITORS: ("add_page", "change_page", "lock_page", "unlock_page"),
    roles.REVIEWERS: ("change_page", "publish_page", "lock_page", "unlock_page"),
    roles.TRANSLATORS: ("change_page",),
}
SNIPPET_ACTIONS = {
    roles.EDITORS: ("add", "change", "delete"),
    roles.REVIEWERS: ("change",),
    roles.TRANSLATORS: ("change",),
}
DOCUMENT_ACTIONS = {
    roles.EDITORS: ("add", "change", "choose"),
    roles.REVIEWERS: ("choose",),
    roles.TRANSLATORS: ("choose",),
}


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups(home):
    groups = {
        name: Group.objects.get_or_create(name=name)[0] for name in (*PAGE_PERMISSIONS, roles.VERIFIED_PROFESSIONALS)
    }
    for name, codenames in PAGE_PERMISSIONS.items():
        group = groups[name]
        group.permissions.add(permission(*ADMIN_ACCESS))
        for model in SNIPPET_MODELS:
            for action in SNIPPET_ACTIONS[name]:
                group.permissions.add(permission("practices", f"{action}_{model}"))
        for action in DOCUMENT_ACTIONS[name]:
            group.permissions.add(permission("wagtaildocs", f"{action}_document"))
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=permission("wagtailcore", codename)
            )
        # Exactly these: a grant an earlier set-up made (Editors' publish_page) is taken back.
        GroupPagePermission.objects.filter(group=group, page=home).exclude(permission__codename__in=codenames).delete()
    # "Translators (sq)"...: the Translators' permissions, limited to one language's fields.
    groups.update(roles.ensure_language_groups(groups[roles.TRANSLATORS]))
    # "Focal points (AL)"...: they verify the access requests of their Beneficiary (accounts/).
    groups.update(roles.ensure_focal_point_groups(permission(*ADMIN_ACCESS)))
    return groups


def ensure_review_workflow(sections, reviewers):
    """Practices, guides and the screening tool go through a Reviewers' approval before they are
    published."""
    workflow, _created = Workflow.objects.get_or_create(name="Review before publishing", defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="Reviewers' approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Reviewers' approval")
    task.groups.set([reviewers])
    # WorkflowTask directly: the workflow's own relation defers writes until workflow.save().
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in sections:
        WorkflowPage.objects.update_or_create(page=Page.objects.get(pk=section.pk), defaults={"workflow": workflow})
    return workflow


def ensure_editorial_setup(home, sections):
    groups = ensure_groups(home)
    access.restricted_collection()
    ensure_review_workflow(sections, groups[roles.REVIEWERS])
    return groups
