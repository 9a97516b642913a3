"""The public pages work in Chromium under their Content-Security-Policy: nothing is refused."""

import pytest
from django.utils import translation

from practices.models import PracticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Chromium reports each refusal as a `securitypolicyviolation` event on the document.
COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_public_pages_run_their_scripts_without_a_csp_violation(live_static, demo_content, chromium):
    # Database work first: Playwright's event loop makes later ORM calls async-unsafe.
    with translation.override("en"):
        practice_url = PracticePage.objects.live().public().order_by("pk").first().get_url()

    with chromium() as browser:
        page = browser.new_page()
        page.add_init_script(COLLECT_VIOLATIONS)
        for path in ("/en/", practice_url):
            page.goto(live_static.url + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__violations") == [], path
        # The page tools' and autocomplete's scripts ran: the text grows, the search box is a combobox.
        page.locator('[data-page-tool="text-larger"]').click()
        assert page.locator("html").get_attribute("data-text-size")
        assert page.locator("#site-search").get_attribute("role") == "combobox"
        page.fill("#site-search", "prison")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == []
