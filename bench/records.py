"""The relevance set's records (bench/relevance_set/records.json) as live practice pages.

Each record is written in one language only, as many practices are: its title, summary and
body go into that language's fields, and every other language stays empty.
"""

import json
from pathlib import Path

from bench.corpus import PageBuilder
from search.analysis import field_suffix

RECORDS = Path(__file__).resolve().parent / "relevance_set" / "records.json"


def load_records():
    return json.loads(RECORDS.read_text(encoding="utf-8"))["records"]


class RecordBuilder(PageBuilder):
    """PageBuilder's bulk inserts, with a written record's text instead of sampled words."""

    def __init__(self, records):
        super().__init__(seed=0)
        self.records = records

    def page(self, number):
        page, facets = super().page(number)
        record = self.records[number]
        for name in ("title", "summary", "problem", "approach", "results"):
            for language in self.all_languages():
                setattr(page, f"{name}_{field_suffix(language)}", "")
        suffix = field_suffix(record["lang"])
        setattr(page, f"title_{suffix}", record["title"])
        setattr(page, f"summary_{suffix}", record["summary"])
        setattr(page, f"problem_{suffix}", record["body"])
        page.original_language = record["lang"]
        page.slug = page.slug_en = page.record_slug = record["slug"]
        page.url_path = page.url_path_en = f"{self.parent.url_path_en}{record['slug']}/"
        return page, {"beneficiaries": [], "themes": [], "setting": None}

    @staticmethod
    def all_languages():
        from languages.codes import LANGUAGE_CODES

        return LANGUAGE_CODES


def create_records():
    """Create every record as a live practice page under the practice index; returns their ids."""
    from django.db import transaction

    records = load_records()
    with transaction.atomic():
        builder = RecordBuilder(records)
        created = builder.create(range(len(records)))
        builder.finish()
        only_in_own_language(created, records)
    return created


def only_in_own_language(ids, records):
    """Page.title is translated: what the builder assigned to it went into the active language's
    field. Each record keeps a title in its own language only; the untranslated column holds the
    English one, empty when there is none (as the demo's Macedonian-only practice has it)."""
    from django.db import connection

    columns = [f"title_{field_suffix(code)}" for code in RecordBuilder.all_languages()]
    with connection.cursor() as cursor:
        for pk, record in zip(ids, records, strict=True):
            own = f"title_{field_suffix(record['lang'])}"
            titles = [record["title"] if column == own else "" for column in columns]
            base = record["title"] if record["lang"] == "en" else ""
            assignments = ", ".join(f"{column} = %s" for column in ["title", "draft_title", *columns])
            cursor.execute(
                f"UPDATE wagtailcore_page SET {assignments} WHERE id = %s", [base, record["title"], *titles, pk]
            )
