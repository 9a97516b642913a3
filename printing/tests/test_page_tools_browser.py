"""Text size in Debian's Chromium driven by Playwright: it changes, and it is remembered.

Browser tests run after the database has been emptied (transactional live server), so this
moves between pages that need no content: the search page in two languages.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def font_size(page):
    return float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)"))


def test_text_size_buttons_change_the_text_and_the_size_follows_to_the_next_page(chromium, live_static):
    with chromium() as browser:
        page = browser.new_page()
        page.goto(live_static.url + "/en/search/")
        tools = page.get_by_role("group", name="Page tools")
        larger = tools.get_by_role("button", name="Larger text")
        start = font_size(page)

        larger.focus()
        page.keyboard.press("Enter")  # the keyboard, as a screen-reader user would
        larger.click()
        assert font_size(page) == pytest.approx(start * 1.25)
        assert tools.get_by_role("status").inner_text() == "Text size: 125 %"

        page.goto(live_static.url + "/sr/search/")
        assert font_size(page) == pytest.approx(start * 1.25)
        page.locator('[data-page-tool="text-smaller"]').click()  # the same button, labelled in Serbian
        assert font_size(page) == pytest.approx(start * 1.125)

        smaller = page.locator('[data-page-tool="text-smaller"]')
        smaller.click()
        smaller.click()
        assert font_size(page) == pytest.approx(start * 0.875)
        # The smallest step: the button says so, stays focusable, and does nothing.
        assert smaller.get_attribute("aria-disabled") == "true"
        smaller.click(force=True)
        assert font_size(page) == pytest.approx(start * 0.875)
