"""Five failed logins lock that login for a while, even with the right password."""

import pytest
from django.contrib.auth.models import User

PASSWORD = "a long passphrase for staff"


@pytest.fixture
def editor(db):
    return User.objects.create_user("throttled-editor", "editor@example.org", PASSWORD, is_superuser=True)


def login(client, password):
    return client.post(
        "/admin/login/", {"username": "throttled-editor", "password": password}, REMOTE_ADDR="203.0.113.20"
    )


def test_the_sixth_login_is_refused_after_five_failures_even_with_the_right_password(client, editor):
    for _ in range(5):
        assert login(client, "wrong password").status_code in (200, 429)
    refused = login(client, PASSWORD)
    assert refused.status_code == 429
    assert "Too many failed login attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_speaks_the_visitors_language(client, editor):
    for _ in range(5):
        login(client, "wrong password")
    refused = client.post(
        "/admin/login/",
        {"username": "throttled-editor", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.20",
        HTTP_ACCEPT_LANGUAGE="hr",
    )
    assert refused.status_code == 429
    assert "Previše neuspjelih prijava" in refused.content.decode()


def test_fewer_failures_do_not_lock(client, editor):
    for _ in range(3):
        login(client, "wrong password")
    assert login(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
