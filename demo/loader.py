"""Loads the demo content in demo/data/ on top of `setup_portal` (idempotent: a second run updates
the demo pages in place)."""

import datetime
import json
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from modeltranslation.utils import build_localized_fieldname

from home.models import BeneficiaryPage
from home.setup.portal import setup_portal
from instrument.setup import ensure_instrument_review
from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles, set_translated
from news.models import EventPage, NewsPage
from news.setup import ensure_news_index
from practices import models
from practices.editorial import ensure_editorial_setup
from practices.importing import PracticeImporter, paragraphs_to_html
from practices.models.guide import GuidePage
from practices.models.screening import ScreeningToolPage, VersionEntry
from publications import samples
from publications.adding import NewPublication, add_publication
from publications.models import PublicationPage
from publications.setup import ensure_library
from results.importing import import_trainings
from results.setup import ensure_results_page
from translations.stored import rebuild as rebuild_translation_status

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_json(name):
    path = DATA_DIR / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@contextmanager
def admin_search_index_updated_once():
    """The admin's search (Wagtail's database backend) is brought up to date once, at the end,
    rather than on each of the hundreds of saves of a load (a fifth of its time): Wagtail's
    handlers are disconnected meanwhile (they would still read each object back)."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    call_command("wagtail_update_index", verbosity=0)


def publish(obj):
    """Pages and the instrument's snippets: live, with a revision their history starts from."""
    obj.save_revision().publish()


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def load(self):
        with admin_search_index_updated_once():
            return self.load_content()

    def load_content(self):
        # The home page, sections, Beneficiaries, taxonomies, groups and workflow: what production has too.
        pages = setup_portal()
        home = pages["home"]
        self.glossary()
        screening = self.screening(home)
        guide = self.guide(pages["guides"])
        # The screening tool is demo content: it goes under the instrument's review once it exists.
        ensure_instrument_review()
        practices = load_json("practices.json")
        if practices:
            summary = PracticeImporter(publish=True).import_records(practices["practices"])
            self.say(f"practices: {len(summary.created)} created, {len(summary.updated)} updated")
        news_index = self.news(home)
        self.publications(home)
        self.action(home)
        self.results(home)
        if news_index is not None:
            # News and events go through the same review as the sections.
            ensure_editorial_setup(home, [news_index])
        # Edits keep the stored status up to date; a rebuild also covers content older than it.
        self.say(f"translation status: {rebuild_translation_status()} rows")
        return {**pages, "guide": guide, "screening": screening, "news": news_index}

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
            publish(domain)
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
            publish(indicator)
        for item in data["referral_pathways"]:
            beneficiary = models.Beneficiary.objects.get(code=item["beneficiary"])
            pathway = models.ReferralPathway.objects.filter(beneficiary=beneficiary).first() or models.ReferralPathway(
                beneficiary=beneficiary
            )
            for name in ("contact", "timeframe", "notes"):
                set_translated(pathway, name, {code: t.get(name, "") for code, t in item["translations"].items()})
            pathway.save()
            publish(pathway)
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

    def action(self, home):
        """The home page's headline results and each Beneficiary's focal point."""
        data = load_json("action.json")
        if not data:
            return
        for language in LANGUAGE_CODES:
            figures = [
                ("figure", {"value": item["value"], "label": item["label"][language]})
                for item in data["results"]
                if item["label"].get(language)
            ]
            setattr(home, build_localized_fieldname("results", language), figures)
        publish(home)
        for page in BeneficiaryPage.objects.select_related("beneficiary"):
            contact = data["focal_points"].get(page.beneficiary.code, {})
            page.focal_point_name = contact.get("name", "")
            page.focal_point_email = contact.get("email", "")
            publish(page)
        self.say(f"home page: {len(data['results'])} headline results")

    def results(self, home):
        """The results page and the training records it charts (through the CSV import's checks)."""
        data = load_json("results.json")
        if not data:
            return
        ensure_results_page(home)
        summary = import_trainings([training_row(data, item) for item in data["trainings"]])
        self.say(f"training records: {len(summary.created)} created, {len(summary.updated)} updated")

    def news(self, home):
        data = load_json("news.json")
        if not data:
            return None
        index = ensure_news_index(home)
        for item in data["news"]:
            page = self.dated_item(index, NewsPage, item)
            page.date = datetime.date.fromisoformat(item["date"])
            page.beneficiaries.set(models.Beneficiary.objects.filter(code__in=item["beneficiaries"]))
            page.related_practices.set(models.PracticePage.objects.filter(record_slug__in=item["related_practices"]))
            page.related_guides.set(GuidePage.objects.filter(record_slug__in=item["related_guides"]))
            self.place(index, page)
        for item in data["events"]:
            page = self.dated_item(index, EventPage, item)
            page.event_type = item["type"]
            page.start_date = datetime.date.fromisoformat(item["start_date"])
            page.end_date = datetime.date.fromisoformat(item["end_date"]) if item.get("end_date") else None
            page.beneficiary = models.Beneficiary.objects.filter(code=item.get("beneficiary")).first()
            self.place(index, page)
        self.say(f"news: {len(data['news'])} articles, {len(data['events'])} events")
        return index

    def publications(self, home):
        """The library and its publications, their files made from the texts in the data
        (PDF, DOCX, ODT) and uploaded, so their text is extracted as an editor's upload is."""
        data = load_json("publications.json")
        if not data:
            return
        ensure_library(home)
        added = 0
        with tempfile.TemporaryDirectory() as folder:
            for item in data["publications"]:
                if not PublicationPage.objects.filter(record_slug=item["slug"]).exists():
                    self.publication(Path(folder), item)
                    added += 1
        self.say(f"publications: {added} added")

    def publication(self, folder, item):
        files = [
            (samples.write(folder, f"{item['slug']}-{f['language']}", f["kind"], f["pages"]), f["language"])
            for f in item["files"]
        ]
        (path, language), others = files[0], files[1:]
        new = NewPublication(
            path,
            language,
            item["title"][language],
            type=item["type"],
            beneficiaries=item["beneficiaries"],
            restricted=item.get("restricted", False),
            date=datetime.date.fromisoformat(item["date"]),
            authors=item["authors"],
            slug=item["slug"],
        )
        page = add_publication(new, files=others)
        set_page_titles(page, item["title"])
        page.slug_en = item["slug"]
        set_translated(page, "abstract", item["abstract"])
        publish(page)

    def dated_item(self, index, model, item):
        page = model.objects.filter(record_slug=item["slug"]).first() or model(record_slug=item["slug"])
        translations = item["translations"]
        set_page_titles(page, {code: t["title"] for code, t in translations.items()})
        page.slug_en = item["slug"]
        page.original_language = item.get("original_language", "en")
        set_translated(page, "place", {code: t.get("place", "") for code, t in translations.items()})
        set_translated(page, "lead", {code: t.get("lead", "") for code, t in translations.items()})
        set_translated(page, "body", {code: paragraphs_to_html(t.get("body", "")) for code, t in translations.items()})
        return page

    def place(self, index, page):
        if page.pk is None:
            index.add_child(instance=page)
        publish(page)


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


def training_row(data, item):
    """A demo training as a row of `import_trainings`' CSV (docs/results.md)."""
    row = {key: str(value) for key, value in item.items() if key not in {"title", "topic", "place", "materials"}}
    row["materials"] = ";".join(item["materials"])
    for name, texts in (("title", data["titles"]), ("topic", data["topics"]), ("place", data["places"])):
        for language, text in texts[item[name]].items():
            row[f"{name}_{language}"] = text
    return row
