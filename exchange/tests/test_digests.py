"""Alerts and their digests: `send_digests` mails what is new for each alert, in its language, only
what the subscriber may see, with a one-click unsubscribe."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from exchange.digests import unsubscribe_token
from exchange.models import Alert
from practices import access
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def republish(page):
    page.save_revision().publish()
    return PracticePage.objects.get(pk=page.pk)


def followed_practice():
    return next(p for p in PracticePage.objects.live().public().order_by("pk") if p.themes.exists())


def test_an_alert_is_set_up_in_the_users_language(client, professional):
    client.force_login(professional)
    theme = followed_practice().themes.first()
    response = client.post("/sq/exchange/alerts/", {"themes": [theme.pk], "frequency": "weekly"})
    assert response.status_code == 302
    alert = Alert.objects.get(user=professional)
    assert alert.language == "sq" and list(alert.themes.all()) == [theme]
    html = client.post("/sq/exchange/alerts/", {"frequency": "weekly"}).content.decode()
    assert "Zgjidhni diçka për të ndjekur" in html


def test_send_digests_mails_what_is_new_once_with_one_click_unsubscribe(client, professional, smtp_server):
    practice = followed_practice()
    alert = Alert.objects.create(user=professional, language="bs", frequency="weekly")
    alert.themes.set(practice.themes.all()[:1])
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    practice = republish(practice)

    call_command("send_digests")
    [mail] = smtp_server.messages
    assert mail["To"] == professional.email and "Nove i ažurirane prakse" in mail["Subject"]
    with translation.override("bs"):
        assert practice.full_url in mail.get_content()
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = mail["List-Unsubscribe"].strip("<>")
    assert unsubscribe.endswith(f"/bs/exchange/unsubscribe/{unsubscribe_token(alert)}/")

    call_command("send_digests")  # nothing new since, and not due for a week
    assert len(smtp_server.messages) == 1

    path = unsubscribe.split("://", 1)[1].split("/", 1)[1]
    assert Alert.objects.filter(pk=alert.pk).exists()  # a GET (a link scanner) changes nothing
    client.get("/" + path)
    client.post("/" + path)
    assert not Alert.objects.filter(pk=alert.pk).exists()


def test_restricted_practices_reach_verified_subscribers_only(professional, smtp_server):
    public, hidden = PracticePage.objects.live().public().order_by("pk")[:2]
    access.restrict_to_verified(hidden, True)
    alert = Alert.objects.create(user=professional, language="en")
    alert.beneficiaries.set([*public.beneficiaries.all(), *hidden.beneficiaries.all()])
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    public, hidden = republish(public), republish(hidden)
    professional.groups.clear()  # verification withdrawn
    call_command("send_digests")
    [mail] = smtp_server.messages
    with translation.override("en"):
        assert public.full_url in mail.get_content() and hidden.full_url not in mail.get_content()
