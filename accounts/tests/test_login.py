"""The public login: by e-mail, in the visitor's language, throttled, and where restricted pages send visitors."""

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from accounts.tests.factories import PASSWORD, applicant
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def login(client, password, **extra):
    return client.post(
        "/sr-latn/accounts/login/",
        {"login": "drita@kcs.example.org", "password": password},
        REMOTE_ADDR="203.0.113.30",
        **extra,
    )


def test_a_restricted_page_sends_an_anonymous_visitor_to_the_public_login_in_their_language(client):
    page = PracticePage.objects.live().filter(pk__in=PageViewRestriction.objects.values("page")).first()
    with translation.override("hr"):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/hr/accounts/login/?next=")
    assert "Prijava" in client.get(response["Location"]).content.decode()


def test_the_header_shows_who_is_signed_in_and_a_sign_out_button(client):
    applicant("drita@kcs.example.org")
    signed_in = login(client, PASSWORD)
    assert signed_in.status_code == 302
    html = client.get("/sq/").content.decode()
    assert "Drita" in html and 'action="/sq/accounts/logout/"' in html
    assert "Hyrja për redaktorët" in html  # the Editors' login stays
    client.post("/sq/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_an_unconfirmed_address_cannot_sign_in(client):
    applicant("drita@kcs.example.org", confirmed=False)
    login(client, PASSWORD)
    assert "_auth_user_id" not in client.session


def test_the_sixth_login_after_five_failures_is_refused_even_with_the_right_password(client):
    applicant("drita@kcs.example.org")
    wrong = login(client, "not the password")
    assert "Adresa e-pošte ili lozinka nije tačna." in wrong.content.decode()
    for _ in range(4):
        login(client, "not the password")
    refused = login(client, PASSWORD)
    assert refused.status_code == 429
    assert "Previše neuspešnih prijava" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_any_professional_can_turn_on_totp_and_is_then_asked_for_a_code(client):
    import pyotp

    applicant("drita@kcs.example.org")
    login(client, PASSWORD)
    # allauth asks for the password again before a security change.
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    activation = client.get("/en/accounts/2fa/totp/activate/")
    assert activation.status_code == 200
    secret = activation.context["form"].secret
    client.post("/en/accounts/2fa/totp/activate/", {"code": pyotp.TOTP(secret).now()})
    client.post("/en/accounts/logout/")

    asked = login(client, PASSWORD)
    assert asked["Location"].endswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    client.post(asked["Location"], {"code": pyotp.TOTP(secret).now()}, REMOTE_ADDR="203.0.113.30")
    assert client.session["_auth_user_id"]
