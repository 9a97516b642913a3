"""Bulk import of training and event records from CSV (columns: docs/results.md).

As the practice import does: every row is checked before anything is written, errors name the
row and the field, and a valid file is written in one transaction, so it imports whole or not
at all. A row whose `slug` exists updates that record."""

import csv
import datetime
import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from languages.codes import LANGUAGE_CODES
from practices.importing import ImportFailed, ImportSummary, RowError, split_list
from practices.models import Beneficiary
from results.records import RecordType, TrainingMaterial, TrainingRecord

TRANSLATED = ("title", "topic", "place")
# CSV column -> model field, for the participant counts.
COUNTS = {
    "prison": "participants_prison",
    "probation": "participants_probation",
    "other_institutions": "participants_other",
    "women": "participants_women",
    "men": "participants_men",
    "gender_other": "participants_gender_other",
}
PLAIN = {"slug", "type", "beneficiary", "start_date", "end_date", "trainers", "materials"}
KNOWN = PLAIN | set(COUNTS) | {f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES}


def read_rows(path):
    """The file's rows as {column: text}, stripped."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            text = file.read()
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed([RowError(0, "file", f"cannot read {path}: {exc}")]) from exc
    except csv.Error as exc:
        raise ImportFailed([RowError(0, "file", f"not valid CSV: {exc}")]) from exc
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None} for row in rows]


def parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


class Validator:
    def __init__(self):
        self.beneficiaries = set(Beneficiary.objects.values_list("code", flat=True))

    def validate(self, rows):
        errors = []
        unknown = sorted(set().union(*(row.keys() for row in rows)) - KNOWN) if rows else []
        errors += [RowError(0, column, "unknown column (docs/results.md lists them)") for column in unknown]
        seen = {}
        for number, row in enumerate(rows, start=1):
            errors += [RowError(number, name, message) for name, message in self.check(row)]
            slug = row.get("slug")
            if slug and slug in seen:
                errors.append(RowError(number, "slug", f"'{slug}' is also used by row {seen[slug]}"))
            seen.setdefault(slug, number)
        return errors

    def check(self, row):
        slug = row.get("slug", "")
        if not slug or slugify(slug) != slug:
            yield "slug", f"required, lowercase letters, digits and hyphens (got {slug!r})"
        if row.get("type") and row["type"] not in RecordType.values:
            yield "type", f"expected one of {', '.join(RecordType.values)} (got {row['type']!r})"
        if row.get("beneficiary") not in self.beneficiaries:
            yield (
                "beneficiary",
                f"unknown Beneficiary {row.get('beneficiary')!r} (known: {', '.join(sorted(self.beneficiaries))})",
            )
        if not any(row.get(f"title_{code}") for code in LANGUAGE_CODES):
            yield "title", "a title in at least one language (title_en, title_sr...) is required"
        yield from self.check_dates(row)
        yield from self.check_counts(row)
        yield from self.check_materials(row)

    @staticmethod
    def check_dates(row):
        dates = {}
        for name in ("start_date", "end_date"):
            try:
                dates[name] = parse_date(row.get(name))
            except ValueError:
                yield name, f"expected a date as YYYY-MM-DD (got {row.get(name)!r})"
        if "start_date" in dates and dates["start_date"] is None:
            yield "start_date", "required"
        if dates.get("start_date") and dates.get("end_date") and dates["end_date"] < dates["start_date"]:
            yield "end_date", "before start_date"

    @staticmethod
    def check_counts(row):
        counts = {}
        for column in COUNTS:
            value = row.get(column) or "0"
            if not value.isdigit():
                yield column, f"expected a whole number of participants, 0 or more (got {value!r})"
            else:
                counts[column] = int(value)
        if len(counts) == len(COUNTS):
            by_institution = counts["prison"] + counts["probation"] + counts["other_institutions"]
            by_gender = counts["women"] + counts["men"] + counts["gender_other"]
            if by_institution != by_gender:
                yield (
                    "women",
                    f"participants by gender ({by_gender}) differ from those by institution ({by_institution})",
                )

    @staticmethod
    def check_materials(row):
        for slug in split_list(row.get("materials")):
            if not Page.objects.filter(slug_en=slug).exists():
                yield "materials", f"no page with the slug '{slug}'"


def fill(record, row):
    record.record_type = row.get("type") or RecordType.TRAINING
    record.beneficiary = Beneficiary.objects.get(code=row["beneficiary"])
    record.start_date = parse_date(row["start_date"])
    record.end_date = parse_date(row.get("end_date"))
    record.trainers = row.get("trainers", "")
    for column, field in COUNTS.items():
        setattr(record, field, int(row.get(column) or 0))
    for name in TRANSLATED:
        for code in LANGUAGE_CODES:
            setattr(record, build_localized_fieldname(name, code), row.get(f"{name}_{code}", ""))


def set_materials(record, row):
    pages = [Page.objects.get(slug_en=slug) for slug in split_list(row.get("materials"))]
    record.materials = [TrainingMaterial(page=page, sort_order=order) for order, page in enumerate(pages)]


def import_trainings(rows):
    """Creates or updates a record per row; ImportFailed (nothing written) on any error."""
    errors = Validator().validate(rows)
    if errors:
        raise ImportFailed(errors)
    summary = ImportSummary()
    with transaction.atomic():
        for number, row in enumerate(rows, start=1):
            record = TrainingRecord.objects.filter(slug=row["slug"]).first()
            created = record is None
            record = record or TrainingRecord(slug=row["slug"])
            fill(record, row)
            set_materials(record, row)
            try:
                record.full_clean()
            except ValidationError as exc:
                raise ImportFailed(
                    [RowError(number, name, "; ".join(messages)) for name, messages in exc.message_dict.items()]
                ) from exc
            record.save()
            (summary.created if created else summary.updated).append(record.slug)
    return summary
