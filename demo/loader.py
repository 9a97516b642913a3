"""Loads the demo content in demo/data/ (idempotent: a second run updates in place)."""

import datetime
import json
from pathlib import Path

from django.db import transaction
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from home.models import HomePage
from languages.codes import LANGUAGE_CODES
from languages.pages import ascii_slug
from practices import models
from practices.editorial import ensure_editorial_setup
from practices.importing import PracticeImporter, paragraphs_to_html
from practices.models.glossary import GlossaryPage
from practices.models.guide import GuideIndexPage, GuidePage
from practices.models.practice import PracticeIndexPage
from practices.models.screening import ScreeningToolPage, VersionEntry

DATA_DIR = Path(__file__).resolve().parent / "data"

# Section pages under home, by the key their title and introduction have in sections.json.
SECTION_MODELS = {"practices": PracticeIndexPage, "guides": GuideIndexPage, "glossary": GlossaryPage}


def load_json(name):
    path = DATA_DIR / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def set_translated(obj, field, values):
    for language in LANGUAGE_CODES:
        setattr(obj, build_localized_fieldname(field, language), (values or {}).get(language, ""))


def set_page_titles(page, titles):
    set_translated(page, "title", titles)
    for language in LANGUAGE_CODES:
        if titles.get(language):
            setattr(page, build_localized_fieldname("slug", language), ascii_slug(titles[language]))


def publish(page):
    page.save_revision().publish()


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def load(self):
        home = self.home()
        self.taxonomies()
        self.glossary()
        texts = load_json("sections.json")["sections"]
        sections = {key: self.section(home, model, texts[key]) for key, model in SECTION_MODELS.items()}
        screening = self.screening(home)
        guide = self.guide(sections["guides"])
        ensure_editorial_setup(home, [sections["practices"], sections["guides"], screening])
        practices = load_json("practices.json")
        if practices:
            summary = PracticeImporter(publish=True).import_records(practices["practices"])
            self.say(f"practices: {len(summary.created)} created, {len(summary.updated)} updated")
        return {"home": home, "guide": guide, "screening": screening, **sections}

    def home(self):
        data = load_json("home.json") or {"translations": {"en": {"title": "Prison and Probation Practice Portal"}}}
        translations = data["translations"]
        home = HomePage.objects.first()
        root = Page.get_first_root_node()
        if home is None:
            # Wagtail's initial migration leaves a placeholder "Welcome" page; the portal replaces it.
            Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk")).delete()
            home = HomePage(slug="home")
            set_page_titles(home, {code: t["title"] for code, t in translations.items()})
            home.slug_en = "home"
            root.add_child(instance=home)
        set_page_titles(home, {code: t["title"] for code, t in translations.items()})
        for language in LANGUAGE_CODES:
            home_slug = build_localized_fieldname("slug", language)
            setattr(home, home_slug, "home")
        set_translated(home, "intro", {code: t.get("intro", "") for code, t in translations.items()})
        set_translated(home, "body", {code: paragraphs_to_html(t.get("body", "")) for code, t in translations.items()})
        publish(home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": "Portal"},
        )
        return HomePage.objects.get(pk=home.pk)

    def section(self, home, model, spec):
        page = model.objects.first()
        if page is None:
            page = model()
            set_page_titles(page, spec["title"])
            home.add_child(instance=page)
        set_page_titles(page, spec["title"])
        set_translated(page, "intro", spec["intro"])
        publish(page)
        return model.objects.get(pk=page.pk)

    def taxonomies(self):
        data = load_json("taxonomies.json")
        if not data:
            return
        for item in data["beneficiaries"]:
            beneficiary, _ = models.Beneficiary.objects.get_or_create(code=item["code"])
            set_translated(beneficiary, "name", item["name"])
            beneficiary.native_name = item.get("native_name", "")
            beneficiary.save()
        for key, model in (
            ("settings", models.Setting),
            ("themes", models.Theme),
            ("target_groups", models.TargetGroup),
        ):
            for item in data[key]:
                term, _ = model.objects.get_or_create(slug=item["slug"])
                set_translated(term, "name", item["name"])
                term.save()
        self.say(
            f"taxonomies: {models.Beneficiary.objects.count()} beneficiaries, {models.Theme.objects.count()} themes"
        )

    def glossary(self):
        data = load_json("glossary.json")
        if not data:
            return
        for item in data["terms"]:
            term, _ = models.GlossaryTerm.objects.get_or_create(slug=item["slug"])
            set_translated(term, "term", item["term"])
            set_translated(term, "variants", {code: "\n".join(v) for code, v in (item.get("variants") or {}).items()})
            set_translated(term, "note", item.get("note") or {})
            set_translated(term, "definition", item.get("definition") or {})
            term.ekavian = item.get("ekavian", "")
            term.ijekavian = item.get("ijekavian", "")
            term.save()
        self.say(f"glossary: {models.GlossaryTerm.objects.count()} terms")

    def guide(self, index):
        data = load_json("guide.json")
        if not data:
            return None
        page = GuidePage.objects.filter(record_slug=data["slug"]).first()
        created = page is None
        if created:
            page = GuidePage(record_slug=data["slug"])
        translations = data["translations"]
        set_page_titles(page, {code: t["title"] for code, t in translations.items()})
        page.slug_en = data["slug"]
        page.original_language = data.get("original_language", "en")
        set_translated(page, "introduction", {code: t.get("introduction", "") for code, t in translations.items()})
        set_translated(page, "audience", {code: t.get("audience", "") for code, t in translations.items()})
        for language in LANGUAGE_CODES:
            steps = [
                ("step", step_value(step["translations"].get(language)))
                for step in data["steps"]
                if step["translations"].get(language)
            ]
            setattr(page, build_localized_fieldname("steps", language), steps)
        page.version = data.get("version", "")
        page.edition_date = data.get("edition_date") or None
        if created:
            index.add_child(instance=page)
        page.beneficiaries.set(models.Beneficiary.objects.filter(code__in=data.get("beneficiaries", [])))
        publish(page)
        self.say(f"guide: {len(data['steps'])} steps")
        return page

    def screening(self, home):
        data = load_json("screening.json")
        if not data:
            return None
        for order, item in enumerate(data["domains"]):
            domain, _ = models.IndicatorDomain.objects.get_or_create(slug=item["slug"], defaults={"sort_order": order})
            set_translated(domain, "name", item["name"])
            domain.sort_order = order
            domain.save()
        for order, item in enumerate(data["indicators"]):
            indicator = models.Indicator.objects.filter(slug=item["slug"]).first() or models.Indicator(
                slug=item["slug"]
            )
            indicator.domain = models.IndicatorDomain.objects.get(slug=item["domain"])
            indicator.urgency = item["urgency"]
            indicator.sort_order = order
            for name in ("name", "observable_signs", "examples", "what_to_do"):
                set_translated(indicator, name, {code: t.get(name, "") for code, t in item["translations"].items()})
            indicator.save()
        for item in data["referral_pathways"]:
            beneficiary = models.Beneficiary.objects.get(code=item["beneficiary"])
            pathway = models.ReferralPathway.objects.filter(beneficiary=beneficiary).first() or models.ReferralPathway(
                beneficiary=beneficiary
            )
            for name in ("contact", "timeframe", "notes"):
                set_translated(pathway, name, {code: t.get(name, "") for code, t in item["translations"].items()})
            pathway.save()
        page = ScreeningToolPage.objects.first()
        created = page is None
        if created:
            page = ScreeningToolPage(record_slug=data["slug"])
        translations = data["translations"]
        set_page_titles(page, {code: t["title"] for code, t in translations.items()})
        for name in (
            "purpose",
            "who_may_use",
            "what_it_is_not",
            "how_to_observe",
            "recording_confidentiality",
            "training",
        ):
            set_translated(page, name, {code: t.get(name, "") for code, t in translations.items()})
        page.version = data.get("version", "")
        if created:
            home.add_child(instance=page)
        page.version_history.all().delete()
        for order, entry in enumerate(data.get("version_history", [])):
            version = VersionEntry(
                page=page,
                sort_order=order,  # else the history comes back in any order
                version=entry["version"],
                date=datetime.date.fromisoformat(entry["date"]),
            )
            set_translated(version, "changes", entry["changes"])
            page.version_history.add(version)
        publish(page)
        self.say(f"screening tool: {models.Indicator.objects.count()} indicators")
        return page


def step_value(values):
    return {
        "title": values.get("title", ""),
        "body": paragraphs_to_html(values.get("body", "")),
        "responsible": values.get("responsible", ""),
        "timing": values.get("timing", ""),
        "documents": values.get("documents", []),
        "checklist": values.get("checklist", []),
        "legal_references": values.get("legal_references", []),
    }
