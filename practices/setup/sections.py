"""The section pages under the home page: practices, guides and the glossary."""

import json
from pathlib import Path

from languages.fields import set_page_titles, set_translated
from practices.models.glossary import GlossaryPage
from practices.models.guide import GuideIndexPage
from practices.models.practice import PracticeIndexPage

DATA = Path(__file__).resolve().parent / "sections.json"

# By the key their title and introduction have in sections.json.
SECTION_MODELS = {"practices": PracticeIndexPage, "guides": GuideIndexPage, "glossary": GlossaryPage}


def ensure_sections(home):
    """{key: section page}; a missing section is created and published under `home`."""
    texts = json.loads(DATA.read_text(encoding="utf-8"))["sections"]
    return {key: ensure_section(home, model, texts[key]) for key, model in SECTION_MODELS.items()}


def ensure_section(home, model, spec):
    page = model.objects.first()
    if page is not None:
        return page
    page = model()
    set_page_titles(page, spec["title"])
    set_translated(page, "intro", spec["intro"])
    home.add_child(instance=page)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)
