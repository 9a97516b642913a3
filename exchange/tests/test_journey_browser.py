"""The exchange end to end in Debian's Chromium: a verified professional shares a practice, a
reviewer approves it, it is published and found by search; a colleague writes to its owner, whose
mailbox (a real SMTP server) receives the message, and neither address reaches the other's page.

Signing in is engineer 13a's part (django-allauth): here each professional's browser carries a
session made by Django's test client. The reviewer approves through Wagtail's workflow API (the
admin's MFA and its JavaScript UI are tested elsewhere)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.models import Page

import roles
from practices.models import PracticePage, Setting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Kintsugi mentoring for returning prisoners"


def professional(username):
    user = User.objects.create_user(username, f"{username}@example.org", "a-password-1", first_name=username.title())
    user.groups.add(Group.objects.get(name=roles.VERIFIED_PROFESSIONALS))
    return user


def session_cookie(user, url):
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": url,
    }


def signed_in(browser, user, url):
    context = browser.new_context()
    context.add_cookies([session_cookie(user, url)])
    return context.new_page()


def test_share_review_publish_find_and_contact_the_owner(
    demo_content, search_index, live_static, chromium, smtp_server
):
    contributor, colleague = professional("dina"), professional("luan")
    reviewer = User.objects.create_user("rea", "rea@example.org", "a-password-1")
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    setting = Setting.objects.order_by("pk").first().slug
    base = live_static.url
    owner_cookie, colleague_cookie = session_cookie(contributor, base), session_cookie(colleague, base)

    with chromium() as browser:
        page = browser.new_context()
        page.add_cookies([owner_cookie])
        page = page.new_page()
        page.goto(base + "/en/exchange/share/")
        page.get_by_label("Title").fill(TITLE)
        page.get_by_label("Summary").fill("Mentors repair what prison broke.")
        page.locator('input[name="beneficiary"][value="AL"]').check()
        page.locator('select[name="setting"]').select_option(setting)
        page.locator('input[name="contact_name"]').fill("Dina")
        page.locator('input[name="contact_email"]').fill("dina.owner@example.org")
        page.get_by_role("button", name="Submit for review").click()
        page.wait_for_load_state()
        assert page.url.endswith("/en/exchange/mine/")
        assert "In review" in page.locator("table.contributions").inner_text()

    practice = PracticePage.objects.get(title_en=TITLE)
    task_state = Page.objects.get(pk=practice.pk).current_workflow_task_state
    task_state.specific.task.specific.on_action(task_state, reviewer, "approve")
    practice.refresh_from_db()
    assert practice.live
    url = practice.get_url()
    assert any("rea@example.org" in message["To"] for message in smtp_server.messages)  # told of the submission

    with chromium() as browser:
        context = browser.new_context()
        context.add_cookies([colleague_cookie])
        page = context.new_page()
        for _attempt in range(10):  # the index is refreshed about once a second
            page.goto(base + "/en/search/?q=kintsugi")
            if page.get_by_role("link", name=TITLE).count():
                break
            page.wait_for_timeout(500)
        page.get_by_role("link", name=TITLE).first.click()
        page.wait_for_load_state()
        assert page.url == base + url
        page.get_by_role("link", name="Contact the practice's owner").click()
        page.get_by_label("Your message").fill("May we visit your programme?")
        page.get_by_role("button", name="Send").click()
        page.wait_for_load_state()
        assert "Your message was sent" in page.content()
        assert "dina.owner@example.org" not in page.content() and "dina@example.org" not in page.content()

    [mail] = [m for m in smtp_server.messages if m["To"] == "dina.owner@example.org"]
    assert mail["Reply-To"] == "luan@example.org"
    assert "May we visit your programme?" in mail.get_content() and "luan@example.org" not in mail["To"]
