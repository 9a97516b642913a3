"""A translator's edit screen in Chromium: the read-only fields do not break the editor's scripts."""

import os

import pytest
from django.contrib.auth.models import Group, User

from practices.models import GuidePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]


def open_editor(browser, base_url, username, guide_pk):
    """Log in as `username` and open the guide's edit screen; returns the page and its script errors."""
    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "translate-me")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{base_url}/admin/pages/{guide_pk}/edit/")
    page.wait_for_load_state("networkidle")
    return page, errors


def test_read_only_languages_add_no_script_error_to_the_guide_editor(live_server):
    # Database work first: Playwright's event loop makes later ORM calls async-unsafe.
    User.objects.create_user("sq-browser", password="translate-me").groups.add(Group.objects.get(name="Translators (sq)"))
    User.objects.create_user("editor-browser", password="translate-me").groups.add(Group.objects.get(name="Editors"))
    guide = GuidePage.objects.order_by("pk").first()

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        _editor_page, editor_errors = open_editor(browser, live_server.url, "editor-browser", guide.pk)
        page, translator_errors = open_editor(browser, live_server.url, "sq-browser", guide.pk)

        # The read-only fields add no script error to those an editor's screen has.
        assert translator_errors == editor_errors
        assert page.locator("[name=introduction_en]").is_disabled()
        assert page.locator("[data-read-only=steps_en]").count() == 1
        browser.close()

