"""Contributors are told of reviewers' decisions by the portal, in the language they shared in,
with a link to their contributions (Wagtail's own mails link to the admin, which they cannot open).
Reviewers hear of new submissions from Wagtail's workflow notifications (Reviewers' group task)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.signals import workflow_approved, workflow_rejected

from exchange.models import Contribution


def connect():
    workflow_approved.connect(on_decision, dispatch_uid="exchange.approved")
    workflow_rejected.connect(on_decision, dispatch_uid="exchange.rejected")


def on_decision(sender, instance, user=None, **kwargs):
    if instance.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return  # a snippet's workflow: its object id is no page's
    contribution = Contribution.objects.filter(page_id=instance.object_id).select_related("contributor").first()
    if contribution is None or not contribution.contributor.email:
        return
    page = contribution.page.specific
    approved = instance.status == instance.STATUS_APPROVED
    task_state = instance.current_task_state
    comment = "" if approved or task_state is None else task_state.specific.get_comment()
    with translation.override(page.original_language or settings.LANGUAGE_CODE):
        context = {
            "page": page,
            "approved": approved,
            "comment": comment,
            "mine": settings.WAGTAILADMIN_BASE_URL + reverse("exchange:mine"),
        }
        subject = render_to_string("exchange/email/decision_subject.txt", context).strip()
        body = render_to_string("exchange/email/decision.txt", context)
    EmailMessage(subject, body, to=[contribution.contributor.email]).send()


def quiet_wagtail_mails(user):
    """Wagtail would also mail the contributor its admin-linked approval/rejection notice."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])
