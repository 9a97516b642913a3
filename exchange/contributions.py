"""A contributor's practices and where each stands in review."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from exchange.models import Contribution

DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED = "draft", "in_review", "changes_requested", "published"
LABELS = {
    DRAFT: _("Draft"),
    IN_REVIEW: _("In review"),
    CHANGES_REQUESTED: _("Changes requested"),
    PUBLISHED: _("Published"),
}


def status(page):
    """(status, reviewer's comment): the workflow's state first, then whether it is live."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED, state.current_task_state.get_comment() if state.current_task_state else ""
    if state is not None:
        return IN_REVIEW, ""
    if page.live and not page.has_unpublished_changes:
        return PUBLISHED, ""
    return DRAFT, ""


def contributions_of(user):
    rows = []
    for contribution in Contribution.objects.filter(contributor=user).select_related("page"):
        page = contribution.page.specific
        code, comment = status(page)
        rows.append({"page": page, "status": code, "label": LABELS[code], "comment": comment})
    return rows


def editable_page(user, page_id):
    """The contributor's own practice, unless a reviewer has it now; else None."""
    contribution = Contribution.objects.filter(contributor=user, page_id=page_id).select_related("page").first()
    if contribution is None or status(contribution.page.specific)[0] == IN_REVIEW:
        return None
    return contribution.page.specific
