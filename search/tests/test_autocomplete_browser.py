"""The search box's suggestion list in Debian's Chromium driven by Playwright.

This tests the widget (ARIA combobox, keyboard, no-JavaScript form), not search: the API's
answer is fixed here so the test needs no content (browser tests run after the database has
been emptied). The API itself is tested against the real node in test_query_features.py.
"""

import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER = {
    "results": [
        {
            "title": "Програма за семејна поддршка и ресоцијализација",
            "url": "/mk/search/?q=first",
            "type": "practice",
            "language": "mk",
        },
        {
            "title": "Водич за рехабилитација, ресоцијализација и реинтеграција",
            "url": "/mk/search/?q=second",
            "type": "guide",
            "language": "mk",
        },
    ],
    "degraded": False,
}


def test_typing_offers_titles_and_the_keyboard_opens_one(live_static, chromium):
    with chromium() as browser:
        page = browser.new_page()
        asked = []

        def answer(route):
            asked.append(route.request.url)
            route.fulfill(status=200, content_type="application/json", body=json.dumps(ANSWER))

        page.route(lambda url: "/api/v1/autocomplete/" in url, answer)
        page.goto(live_static.url + "/mk/search/")
        box = page.get_by_role("search").get_by_role("combobox")  # the label is in Macedonian
        box.press_sequentially("resoc")
        options = page.get_by_role("listbox").get_by_role("option")
        options.first.wait_for()
        assert options.all_inner_texts() == [item["title"] for item in ANSWER["results"]]
        assert "q=resoc" in asked[-1] and "lang=mk" in asked[-1]
        assert box.get_attribute("aria-expanded") == "true"
        box.press("ArrowDown")
        box.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
        assert options.nth(1).get_attribute("aria-selected") == "true"
        box.press("Escape")
        assert box.get_attribute("aria-expanded") == "false" and box.input_value() == "resoc"
        box.press_sequentially("i")
        options.first.wait_for()
        box.press("ArrowDown")
        box.press("Enter")
        page.wait_for_url(live_static.url + ANSWER["results"][0]["url"])


def test_without_javascript_the_search_box_is_a_plain_form(live_static, chromium):
    with chromium() as browser:
        page = browser.new_page(java_script_enabled=False)
        page.goto(live_static.url + "/en/search/")
        box = page.get_by_role("searchbox", name="Search the portal")
        box.fill("resocijalizacija")
        box.press("Enter")
        page.wait_for_url("**/en/search/?q=resocijalizacija")
        assert page.get_by_role("listbox").count() == 0
