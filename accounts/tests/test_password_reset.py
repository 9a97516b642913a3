"""A professional who forgot the password gets a link by e-mail (a real SMTP server), sets a new
password through it and signs in with that one."""

import re

import pytest

from accounts.tests.factories import PASSWORD, applicant

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a new passphrase for the probation office"


def test_a_reset_by_email_link_sets_a_password_that_signs_in(client, smtp_server):
    email = "besa@probation.example.org"
    applicant(email, beneficiary="AL", language="sq")

    response = client.post("/hr/accounts/password/reset/", {"email": email})
    assert response.status_code == 302

    [mail] = smtp_server.messages
    assert mail["To"] == email
    body = mail.get_content()
    assert "Da biste odabrali novu lozinku" in body  # the language the visitor asked in
    link = re.search(r"http://testserver(/hr/accounts/password/reset/key/\S+/)", body).group(1)

    # allauth moves the key from the URL into the session, then shows the form.
    form_url = client.get(link)["Location"]
    assert 'name="password1"' in client.get(form_url).content.decode()
    done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302

    client.logout()
    assert client.post("/hr/accounts/login/", {"login": email, "password": PASSWORD}).status_code == 200
    assert client.post("/hr/accounts/login/", {"login": email, "password": NEW_PASSWORD}).status_code == 302
    assert "_auth_user_id" in client.session
