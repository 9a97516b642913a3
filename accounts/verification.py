"""A focal point's decisions on an access request: the group membership and the applicant's e-mail.

Membership of Verified professionals is what Wagtail's page restrictions check on every request,
so approving and withdrawing take effect from the user's next request on."""

from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.choices import Status
from roles import VERIFIED_PROFESSIONALS


@transaction.atomic
def approve(profile, by):
    profile.user.groups.add(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    decide(profile, by, Status.VERIFIED, "")


@transaction.atomic
def decline(profile, by, reason):
    profile.user.groups.remove(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    decide(profile, by, Status.DECLINED, reason)


@transaction.atomic
def withdraw(profile, by, reason):
    profile.user.groups.remove(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    decide(profile, by, Status.WITHDRAWN, reason)


def decide(profile, by, status, reason):
    profile.status, profile.reason = status, reason
    profile.decided_by, profile.decided_at = by, timezone.now()
    profile.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    transaction.on_commit(lambda: tell_applicant(profile))


def tell_applicant(profile):
    """The decision, in the language the applicant chose."""
    with translation.override(profile.preferred_language):
        context = {"profile": profile, "status": Status}
        subject = render_to_string("accounts/email/decision_subject.txt", context).strip()
        body = render_to_string("accounts/email/decision_message.txt", context)
    send_mail(subject, body, None, [profile.user.email])
