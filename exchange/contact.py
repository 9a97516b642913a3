"""Messages to a practice's contact person, sent by the portal so that neither address is shown."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from exchange.models import ContactMessage

DAILY_LIMIT = 10


def sender_details(user):
    """Name, institution and Beneficiary of the sender, from the profile of the access request
    (accounts.Profile); accounts made by staff in the admin have none, so it is read defensively."""
    profile = getattr(user, "profile", None)
    beneficiary = getattr(profile, "beneficiary", None)
    return {
        "name": getattr(profile, "name", "") or user.get_full_name() or user.get_username(),
        "institution": getattr(profile, "institution", "") or "",
        "beneficiary": str(beneficiary) if beneficiary else "",
        "email": user.email,
    }


def over_limit(user):
    since = timezone.now() - datetime.timedelta(days=1)
    return ContactMessage.objects.filter(sender=user, sent_at__gte=since).count() >= DAILY_LIMIT


def can_contact(page):
    return bool(page.contact_email)


def owner_language(page):
    """The language the contact person reads: the preferred language of their access request
    (accounts.Profile, read through `user.profile` as in sender_details) when the contact's
    address is a portal account's; otherwise the practice's original language, the one its
    contact person wrote it in."""
    owners = get_user_model().objects.filter(email__iexact=page.contact_email, profile__isnull=False)
    owner = owners.select_related("profile").order_by("pk").first()
    if owner is not None and owner.profile.preferred_language:
        return owner.profile.preferred_language
    return page.original_language or settings.LANGUAGE_CODE


def send(page, user, message, page_url):
    """E-mail the contact person, in their language, Reply-To the sender; log who, to whom and
    when (not the body)."""
    sender = sender_details(user)
    with translation.override(owner_language(page)):
        subject = render_to_string("exchange/email/contact_subject.txt", {"page": page}).strip()
        body = render_to_string(
            "exchange/email/contact.txt", {"page": page, "sender": sender, "message": message, "page_url": page_url}
        )
    EmailMessage(subject, body, to=[page.contact_email], reply_to=[user.email]).send()
    ContactMessage.objects.create(sender=user, page_id=page.pk, recipient=page.contact_email)
