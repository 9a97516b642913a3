"""A translator's edit screen in Chromium: read-only languages, a working editor, a saved draft."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from practices.models import GuidePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_editor(browser, base_url, username, guide_pk, code):
    """Log in as `username` (password, then the TOTP `code`) and open the guide's edit screen;
    returns the page and its script errors."""
    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: errors.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "translate-me")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    # The admin's MFA asks for the code of the translator's authenticator app.
    page.fill("input[name=otp_token]", code)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{base_url}/admin/pages/{guide_pk}/edit/")
    page.wait_for_load_state("networkidle")
    return page, errors


def test_translator_edits_a_guide_in_the_browser_and_saves_a_draft(live_static, demo_content, chromium, totp):
    # Database work first: Playwright's event loop makes later ORM calls async-unsafe.
    translator = User.objects.create_user("sq-browser", password="translate-me")
    translator.groups.add(Group.objects.get(name="Translators (sq)"))
    device = TOTPDevice.objects.create(user=translator, name="phone", confirmed=True)
    guide = GuidePage.objects.order_by("pk").first()
    steps_en = guide.steps_en.render_as_block()

    with chromium() as browser:
        page, script_errors = open_editor(browser, live_static.url, "sq-browser", guide.pk, totp(device))

        assert script_errors == []
        assert page.locator("[name=introduction_en]").is_disabled()
        assert page.locator("[data-read-only=steps_en]").count() == 1
        # wagtail-modeltranslation's language picker still works: show the Albanian fields.
        page.locator("button.locale-toggle", has_text="sq").click()
        page.locator("[name=introduction_sq]").fill("Hyrje e përkthyer në shfletues.")
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_load_state("networkidle")
        assert "has been updated" in page.content()

    stored = GuidePage.objects.get(pk=guide.pk)
    draft = stored.get_latest_revision_as_object()
    assert draft.introduction_sq == "Hyrje e përkthyer në shfletues."
    # The StreamField editor of the translator's language posted its steps; English is untouched.
    assert len(draft.steps_sq) == len(guide.steps_sq) and draft.steps_en.render_as_block() == steps_en
