"""Every page type, in English, Serbian (Cyrillic) and Albanian, passes axe-core in Chromium.

The pages are found, not listed: one live public page of every concrete page model in the demo
content (so page types other apps add later are checked without touching this file), the search
page with results and the observation form. axe-core comes from npm, pinned and installed into
var/npm/ by scripts/install-test-deps.sh.
"""

from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Page, get_page_models

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent.parent / "var/npm/node_modules/axe-core/axe.min.js"
LANGUAGES = ("en", "sr", "sq")
# Everything axe checks by default (WCAG 2.x A and AA, and its best practices) but "experimental".
# Started without waiting, so that the three languages' tabs run it at the same time.
START_AXE = "() => { window.axeViolations = axe.run(document, {resultTypes: ['violations']}).then(r => r.violations); }"


def one_page_of_each_type():
    pages = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            pages.append(page)
    return pages


def urls_in(language, pages):
    with translation.override(language):
        urls = [page.get_url() for page in pages]
        forms = [page.get_url() + "observation-form/" for page in pages if hasattr(page, "observation_form")]
    return [*urls, *forms, f"/{language}/search/?q=mentor"]


def describe(url, violations):
    return [
        f"{url}: {v['id']} ({v['impact']}) {v['help']}: " + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in violations
    ]


def test_every_page_type_passes_axe_in_english_serbian_cyrillic_and_albanian(
    chromium, live_static, demo_content, search_index
):
    assert AXE.exists(), "axe-core is missing: run scripts/install-test-deps.sh"
    pages = one_page_of_each_type()
    types = {type(page).__name__ for page in pages}
    assert {"HomePage", "PracticePage", "GuidePage", "ScreeningToolPage", "GlossaryPage"} <= types
    urls = {language: urls_in(language, pages) for language in LANGUAGES}

    found = []
    with chromium() as browser:
        # One context (so one renderer process) per language: axe runs in the three at once.
        # axe is injected as an inline script, which the portal's Content-Security-Policy refuses.
        tabs = {language: browser.new_context(bypass_csp=True).new_page() for language in LANGUAGES}
        for paths in zip(*urls.values(), strict=True):
            for tab, path in zip(tabs.values(), paths, strict=True):
                assert tab.goto(live_static.url + path).status == 200, path
                tab.add_script_tag(path=str(AXE))
                tab.evaluate(START_AXE)
            for tab, path in zip(tabs.values(), paths, strict=True):
                found += describe(path, tab.evaluate("() => window.axeViolations"))
        # The script switch: its two options side by side, not a bulleted list.
        options = tabs["sr"].locator(".script-toggle a")
        first, second = options.nth(0).bounding_box(), options.nth(1).bounding_box()
        assert first["y"] == second["y"] and first["x"] < second["x"]
        assert tabs["sr"].locator(".script-toggle li").count() == 0
    assert not found, "\n".join(found)
