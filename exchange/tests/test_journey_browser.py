"""The exchange end to end in Debian's Chromium, as people do it: a verified professional signs in
through the public login and shares a practice; a reviewer signs in to the admin (password, then
the TOTP code staff must give) and approves it from the dashboard's "Awaiting your review" panel
and the editor's workflow actions; it is published and found by search; a colleague signs in,
writes to its owner, whose mailbox (a real SMTP server) receives the message, and neither address
reaches the other's page."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

import roles
from practices.models import PracticePage, Setting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Kintsugi mentoring for returning prisoners"
PASSWORD = "a long passphrase for a professional"


def professional(username):
    """A verified professional as the sign-up and a focal point's approval leave one."""
    email = f"{username}@example.org"
    user = User.objects.create_user(username, email, PASSWORD, first_name=username.title())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name=roles.VERIFIED_PROFESSIONALS))
    return user


def sign_in(browser, base, email):
    page = browser.new_context().new_page()
    page.goto(base + "/en/accounts/login/")
    page.fill("[name=login]", email)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


def share(page, base, setting):
    page.goto(base + "/en/exchange/share/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("Mentors repair what prison broke.")
    page.locator('input[name="beneficiary"][value="AL"]').check()
    page.locator('select[name="setting"]').select_option(setting)
    page.locator('input[name="contact_name"]').fill("Dina")
    page.locator('input[name="contact_email"]').fill("dina.owner@example.org")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()


def approve_in_the_admin(browser, base, device, totp):
    admin = browser.new_context().new_page()
    admin.goto(base + "/admin/login/")
    admin.fill("input[name=username]", "rea")
    admin.fill("input[name=password]", PASSWORD)
    admin.click("button[type=submit]")
    admin.wait_for_load_state()
    admin.fill("input[name=otp_token]", totp(device))
    admin.click("button[type=submit]")
    admin.wait_for_load_state()
    admin.locator("#awaiting-review-section").get_by_role("link", name=TITLE).click()
    admin.wait_for_load_state()
    admin.get_by_role("button", name="More actions").click()
    admin.get_by_role("button", name="Approve and Publish").click()
    admin.wait_for_load_state()
    return admin


def find_by_search(page, base):
    for _attempt in range(10):  # the index is refreshed about once a second
        page.goto(base + "/en/search/?q=kintsugi")
        if page.get_by_role("link", name=TITLE).count():
            break
        page.wait_for_timeout(500)
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_load_state()


def test_share_review_publish_find_and_contact_the_owner(
    demo_content, search_index, live_static, chromium, smtp_server, totp
):
    # Database work first: Playwright's event loop makes later ORM calls async-unsafe.
    professional("dina")
    professional("luan")
    reviewer = User.objects.create_user("rea", "rea@example.org", PASSWORD)
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    device = TOTPDevice.objects.create(user=reviewer, name="phone", confirmed=True)
    setting = Setting.objects.order_by("pk").first().slug
    base = live_static.url

    with chromium() as browser:
        owner = sign_in(browser, base, "dina@example.org")
        share(owner, base, setting)
        assert owner.url.endswith("/en/exchange/mine/")
        assert "In review" in owner.locator("table.contributions").inner_text()

        admin = approve_in_the_admin(browser, base, device, totp)
        assert "/admin/" in admin.url, admin.content()

        colleague = sign_in(browser, base, "luan@example.org")
        find_by_search(colleague, base)
        found_at = colleague.url
        colleague.get_by_role("link", name="Contact the practice's owner").click()
        colleague.get_by_label("Your message").fill("May we visit your programme?")
        colleague.get_by_role("button", name="Send").click()
        colleague.wait_for_load_state()
        assert "Your message was sent" in colleague.content()
        assert "dina.owner@example.org" not in colleague.content() and "dina@example.org" not in colleague.content()

    practice = PracticePage.objects.get(title_en=TITLE)
    assert practice.live
    with translation.override("en"):
        assert found_at == base + practice.get_url()
    assert any("rea@example.org" in message["To"] for message in smtp_server.messages)  # told of the submission
    [mail] = [m for m in smtp_server.messages if m["To"] == "dina.owner@example.org"]
    assert mail["Reply-To"] == "luan@example.org"
    assert "May we visit your programme?" in mail.get_content() and "luan@example.org" not in mail["To"]
