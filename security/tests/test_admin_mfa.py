"""Staff reach the admin only with a TOTP code; without a device they set one up first."""

import base64
import re

import pyotp
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a long passphrase for staff"


def totp_now(device):
    # As an authenticator app computes it: django-otp keeps the key in hex, the apps take base32.
    return pyotp.TOTP(base64.b32encode(device.bin_key).decode()).now()


@pytest.fixture
def editor(db):
    return User.objects.create_user("mfa-editor", "mfa@example.org", PASSWORD, is_superuser=True)


@pytest.fixture
def browser():
    # A plain client: the shared `client` fixture logs staff in as already verified.
    return Client()


def log_in(browser):
    response = browser.post("/admin/login/", {"username": "mfa-editor", "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_staff_without_a_device_are_taken_to_set_one_up(browser, editor):
    log_in(browser)
    response = browser.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/devices/new")
    # Nothing of the admin is reachable meanwhile.
    assert browser.get("/admin/pages/").status_code == 302


def test_setting_up_a_device_with_a_real_code_opens_the_admin(browser, editor):
    log_in(browser)
    form = browser.get("/admin/2fa/devices/new")
    assert form.status_code == 200
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    done = browser.post(
        "/admin/2fa/devices/new", {"name": "phone", "otp_token": totp_now(device), "password": PASSWORD}
    )
    assert done.status_code == 302, re.sub(r"\s+", " ", done.content.decode())[:2000]
    assert browser.get("/admin/").status_code == 200


def test_staff_with_a_device_must_enter_a_code(browser, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    log_in(browser)
    response = browser.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/auth")
    verified = browser.post("/admin/2fa/auth", {"otp_token": totp_now(device)})
    assert verified.status_code == 302
    assert browser.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_admin_closed(browser, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    log_in(browser)
    assert browser.post("/admin/2fa/auth", {"otp_token": "000000"}).status_code == 200
    assert browser.get("/admin/").status_code == 302
