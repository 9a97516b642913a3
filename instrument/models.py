"""The instrument's review task: a Reviewers' approval that its authors cannot give."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from instrument.authorship import is_author


class ReviewByAnotherTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, except whoever wrote or submitted the change: a
    Reviewer who edits an indicator needs another Reviewer's approval."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if is_author(obj, user):
            # They may still request changes of their own submission, never approve it.
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # A crafted request or a call from code gets the same answer as the buttons.
        if action_name == "approve" and is_author(task_state.workflow_state.content_object, user):
            raise PermissionDenied("The author of a change cannot approve it.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return super().get_task_states_user_can_moderate(user, **kwargs).exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, except the change's author")

    class Meta:
        verbose_name = _("approval by another reviewer")
        verbose_name_plural = _("approvals by another reviewer")
