"""What a person does on a page, in Debian's Chromium driven by Playwright."""

import pytest
from django.utils import translation

from practices.models import PracticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_language_switcher_keeps_the_visitor_on_the_same_practice(live_server, chromium, demo_content):
    # demo_content: an earlier browser test (transactional) may have emptied the database.
    # Database work first: Playwright's event loop makes later ORM calls async-unsafe.
    practice = next(p for p in PracticePage.objects.live().public() if p.title_en and p.title_sr and p.title_mk)
    with translation.override("en"):
        url_en = practice.get_url()
    with translation.override("sr"):
        url_sr = practice.get_url()
    title_sr, title_mk = practice.title_sr, practice.title_mk

    with chromium() as browser:
        page = browser.new_page()
        page.goto(live_server.url + url_en)
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Српски").click()
        page.wait_for_load_state()
        assert page.url == live_server.url + url_sr
        assert page.locator("html").get_attribute("lang") == "sr-Cyrl"
        assert page.locator("h1").inner_text() == title_sr
        page.get_by_role("link", name="Македонски").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == title_mk
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
