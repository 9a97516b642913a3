"""Focal points decide the requests of their own Beneficiary; the applicant hears of it in their language."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from wagtail.models import PageViewRestriction

from accounts.choices import Status
from accounts.tests.factories import PASSWORD, applicant, member_of
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests():
    return {
        "XK": applicant("drita@kcs.example.org", "XK", "sq"),
        "RS": applicant("milan@uizsa.example.org", "RS", "sr"),
    }


def restricted_practice():
    return PracticePage.objects.live().filter(pk__in=PageViewRestriction.objects.values("page")).first()


def test_a_focal_point_sees_the_pending_requests_of_their_own_beneficiary_only(client, requests):
    client.force_login(member_of("fp-xk", "Focal points (XK)"))
    listing = client.get("/admin/access-requests/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Drita" in html and "Milan" not in html
    # Another Beneficiary's request: refused as the admin refuses (back to the dashboard), and left as it is.
    assert client.get(f"/admin/access-requests/{requests['RS'].pk}/")["Location"] == "/admin/"
    client.post(f"/admin/access-requests/{requests['RS'].pk}/approve/")
    requests["RS"].refresh_from_db()
    assert requests["RS"].status == Status.PENDING


def test_editors_see_every_beneficiary_and_others_are_refused(client, requests):
    client.force_login(member_of("an-editor", "Editors"))
    html = client.get("/admin/access-requests/?status=pending").content.decode()
    assert "Drita" in html and "Milan" in html
    client.force_login(member_of("a-reviewer", "Reviewers"))
    assert client.get("/admin/access-requests/")["Location"] == "/admin/"


def test_approval_opens_restricted_practices_and_tells_the_applicant_in_their_language(client, requests, smtp_server):
    page = restricted_practice()
    reader = Client()
    reader.force_login(requests["XK"].user)
    assert reader.get(page.url).status_code == 302  # to the login: not verified yet

    client.force_login(member_of("fp-xk", "Focal points (XK)"))
    client.post(f"/admin/access-requests/{requests['XK'].pk}/approve/")

    assert reader.get(page.url).status_code == 200
    requests["XK"].refresh_from_db()
    assert requests["XK"].status == Status.VERIFIED
    [mail] = smtp_server.messages
    assert mail["To"] == "drita@kcs.example.org"
    assert mail["Subject"].strip() == "Llogaria juaj është verifikuar"


def test_a_decline_needs_a_reason_which_the_applicant_receives(client, requests, smtp_server):
    client.force_login(member_of("fp-rs", "Focal points (RS)"))
    refused = client.post(f"/admin/access-requests/{requests['RS'].pk}/decline/", {"reason": ""})
    assert refused.status_code == 400
    client.post(f"/admin/access-requests/{requests['RS'].pk}/decline/", {"reason": "Није запослен у служби."})
    requests["RS"].refresh_from_db()
    assert (requests["RS"].status, requests["RS"].reason) == (Status.DECLINED, "Није запослен у служби.")
    [mail] = smtp_server.messages
    assert mail["Subject"].strip() == "Ваш захтев за приступ је одбијен"
    assert "Није запослен у служби." in mail.get_content()


def test_a_withdrawn_verification_closes_restricted_practices_on_the_next_request(client, requests):
    page = restricted_practice()
    client.force_login(member_of("fp-xk", "Focal points (XK)"))
    client.post(f"/admin/access-requests/{requests['XK'].pk}/approve/")
    reader = Client()
    reader.post("/en/accounts/login/", {"login": "drita@kcs.example.org", "password": PASSWORD})
    assert reader.get(page.url).status_code == 200

    client.post(f"/admin/access-requests/{requests['XK'].pk}/withdraw/", {"reason": "Left the service."})

    # The same session, not signed out: the next request is refused.
    assert reader.get(page.url).status_code == 302
    assert not User.objects.get(email="drita@kcs.example.org").groups.filter(name="Verified professionals").exists()
