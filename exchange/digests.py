"""E-mail digests of new and updated practices for the alerts professionals set up."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from exchange.models import Alert, Frequency
from practices.models import PracticePage
from roles.restrictions import visible_to

PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
UNSUBSCRIBE_SALT = "exchange.unsubscribe"


def unsubscribe_token(alert):
    return signing.dumps(alert.pk, salt=UNSUBSCRIBE_SALT)


def alert_from_token(token):
    try:
        return Alert.objects.filter(pk=signing.loads(token, salt=UNSUBSCRIBE_SALT)).first()
    except signing.BadSignature:
        return None


def due(alert, now):
    last = alert.last_sent_at
    return last is None or now - last >= PERIODS[alert.frequency]


def matching(alert, since):
    """Practices published or republished since `since` that the alert's owner may see."""
    practices = PracticePage.objects.live().filter(last_published_at__gt=since)
    terms = Q()
    if alert.themes.exists():
        terms |= Q(themes__in=alert.themes.all())
    if alert.target_groups.exists():
        terms |= Q(target_groups__in=alert.target_groups.all())
    if alert.beneficiaries.exists():
        terms |= Q(beneficiaries__in=alert.beneficiaries.all())
    if alert.query:
        # The database's search (Wagtail's), as the search page's fallback uses: no dependency on
        # the search app, which is a sibling feature app.
        found = [page.pk for page in PracticePage.objects.live().search(alert.query)]
        terms |= Q(pk__in=found)
    if not terms:
        return PracticePage.objects.none()
    return visible_to(alert.user, practices.filter(terms).distinct()).order_by("-last_published_at")


def send_digest(alert, practices):
    token = unsubscribe_token(alert)
    with translation.override(alert.language):
        unsubscribe = settings.WAGTAILADMIN_BASE_URL + reverse("exchange:unsubscribe", args=[token])
        context = {"alert": alert, "practices": practices, "unsubscribe": unsubscribe}
        subject = render_to_string("exchange/email/digest_subject.txt", context).strip()
        body = render_to_string("exchange/email/digest.txt", context)
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    EmailMessage(subject, body, to=[alert.user.email], headers=headers).send()


def send_due_digests(now=None):
    """One digest per due alert with something new; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for alert in Alert.objects.select_related("user").filter(user__is_active=True):
        if not due(alert, now):
            continue
        since = alert.last_sent_at or alert.created_at
        practices = list(matching(alert, since))
        if practices:
            send_digest(alert, practices)
            sent += 1
        alert.last_sent_at = now
        alert.save(update_fields=["last_sent_at"])
    return sent
