"""Asking for an account: the request form, the confirmation link, the bad input a visitor may send."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from accounts.choices import Status
from accounts.models import Profile
from practices.models import Beneficiary

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase for a professional"


def request_form(**changes):
    data = {
        "name": "Arta Krasniqi",
        "email": "arta@justice.example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "institution": "Probation Service",
        "beneficiary": str(Beneficiary.objects.get(code="XK").pk),
        "role": "probation",
        "preferred_language": "sq",
        "statement": "I supervise released offenders and want to learn from other services.",
    }
    return {**data, **changes}


def test_the_request_form_lists_the_six_beneficiaries_with_kosovo_and_its_note_in_albanian(client):
    page = client.get("/sq/accounts/signup/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kërkoni një llogari" in html  # "Request an account"
    assert html.count('<option value="') >= 6 + 7 + 8
    with translation.override("sq"):
        kosovo = str(Beneficiary.objects.get(code="XK"))
    assert kosovo.endswith("*") and f">{kosovo}</option>" in html and "1244/1999" in html


def test_a_request_confirmed_by_the_link_in_the_email_leaves_an_unverified_account(client, smtp_server):
    response = client.post("/sq/accounts/signup/", request_form())
    assert response.status_code == 302

    profile = Profile.objects.get(user__email="arta@justice.example.org")
    assert (profile.status, profile.beneficiary.code, profile.preferred_language) == (Status.PENDING, "XK", "sq")
    assert not profile.user.groups.filter(name="Verified professionals").exists()
    # No login before the address is confirmed.
    assert "_auth_user_id" not in client.session

    [mail] = smtp_server.messages
    assert mail["To"] == "arta@justice.example.org"
    body = mail.get_content()
    assert "Për të konfirmuar adresën" in body  # in the language the visitor used
    link = re.search(r"http://testserver(/sq/accounts/confirm-email/\S+/)", body).group(1)
    assert "Konfirmo" in client.get(link).content.decode()
    client.post(link)
    assert EmailAddress.objects.get(email="arta@justice.example.org").verified


def test_a_duplicate_email_is_refused_with_the_form_filled(client, smtp_server):
    User.objects.create_user("taken", "arta@justice.example.org", PASSWORD)
    EmailAddress.objects.create(user=User.objects.get(username="taken"), email="arta@justice.example.org")
    response = client.post("/hr/accounts/signup/", request_form())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Račun s ovom adresom e-pošte već postoji" in html
    assert 'value="Probation Service"' in html and "I supervise released offenders" in html
    assert not Profile.objects.exists() and smtp_server.messages == []


def test_a_beneficiary_not_in_the_list_is_refused_with_the_form_filled(client):
    response = client.post("/mk/accounts/signup/", request_form(beneficiary="999999"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Изберете еден од шесте корисници од листата." in html
    assert 'value="Arta Krasniqi"' in html
    assert not User.objects.filter(email="arta@justice.example.org").exists()


def test_a_post_without_csrf_token_comes_back_filled_with_a_warning_in_the_visitors_language():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/bs/accounts/signup/", request_form())
    assert response.status_code == 403
    html = response.content.decode()
    # Not sent, and the visitor is asked to check every field (another site may have filled them).
    assert "Obrazac nije poslan" in html
    assert 'value="arta@justice.example.org"' in html and "I supervise released offenders" in html
    assert PASSWORD not in html  # the passwords are typed again
    assert not User.objects.filter(email="arta@justice.example.org").exists()
    # The refilled form carries a fresh token: sending it again creates the account.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    again = browser.post("/bs/accounts/signup/", request_form(csrfmiddlewaretoken=token))
    assert again.status_code == 302
    assert User.objects.filter(email="arta@justice.example.org").exists()


def test_a_post_without_csrf_token_elsewhere_gets_the_expired_form_page():
    response = Client(enforce_csrf_checks=True).post("/bs/accounts/login/", {"login": "a@example.org"})
    assert response.status_code == 403
    assert "Obrazac je istekao" in response.content.decode()
