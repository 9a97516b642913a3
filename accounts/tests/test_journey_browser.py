"""The whole journey in Chromium: request access, confirm the address from the e-mail that arrived,
the focal point approves in the admin, the professional signs in and reads a restricted practice."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from practices.models import Beneficiary, PracticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long passphrase for a professional"


def test_a_professional_requests_access_is_approved_and_reads_a_restricted_practice(
    live_static, demo_content, chromium, smtp_server, totp
):
    # Database work first: Playwright's event loop makes later ORM calls async-unsafe.
    focal_point = User.objects.create_user("fp-xk-browser", "fp@example.org", "focal point passphrase")
    focal_point.groups.add(Group.objects.get(name="Focal points (XK)"))
    device = TOTPDevice.objects.create(user=focal_point, name="phone", confirmed=True)
    practice = PracticePage.objects.live().filter(pk__in=PageViewRestriction.objects.values("page")).first()
    with translation.override("en"):  # whatever language an earlier test left active
        practice_url, practice_title = practice.get_url(), practice.title
    kosovo = str(Beneficiary.objects.get(code="XK").pk)
    base = live_static.url

    with chromium() as browser:
        page = browser.new_context().new_page()
        page.goto(base + "/en/")
        page.get_by_role("link", name="Request an account").click()
        page.fill("[name=name]", "Arta Krasniqi")
        page.fill("[name=email]", "arta@kcs.example.org")
        page.fill("[name=password1]", PASSWORD)
        page.fill("[name=password2]", PASSWORD)
        page.fill("[name=institution]", "Kosovo Probation Service")
        page.select_option("[name=beneficiary]", kosovo)
        page.select_option("[name=role]", "probation")
        page.select_option("[name=preferred_language]", "en")
        page.fill("[name=statement]", "I supervise people released after terrorism convictions.")
        page.get_by_role("button", name="Send the request").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Confirm your e-mail address"

        [mail] = smtp_server.messages
        link = re.search(r"https?://\S+/confirm-email/\S+/", mail.get_content()).group(0)
        page.goto(link)
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_load_state()

        admin = browser.new_context().new_page()
        admin.goto(base + "/admin/login/")
        admin.fill("input[name=username]", "fp-xk-browser")
        admin.fill("input[name=password]", "focal point passphrase")
        admin.click("button[type=submit]")
        admin.wait_for_load_state()
        admin.fill("input[name=otp_token]", totp(device))
        admin.click("button[type=submit]")
        admin.wait_for_load_state()
        admin.get_by_role("link", name="Access requests").first.click()
        admin.get_by_role("link", name="Arta Krasniqi").click()
        admin.get_by_role("button", name="Approve").click()
        admin.wait_for_load_state()
        assert "Arta Krasniqi is now a verified professional." in admin.content()

        page.goto(base + practice_url)
        assert "/en/accounts/login/" in page.url  # anonymous: the public login, not the admin's
        page.fill("[name=login]", "arta@kcs.example.org")
        page.fill("[name=password]", PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        assert page.url == base + practice_url
        assert page.locator("h1").inner_text() == practice_title
        assert "Signed in as Arta Krasniqi" in page.locator("header").inner_text()

    decision = smtp_server.messages[-1]
    assert decision["To"] == "arta@kcs.example.org" and "verified" in decision["Subject"]
