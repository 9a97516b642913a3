"""Bulk import of practice records from JSON or CSV (see docs/import.md).

Every row is validated before anything is written; a valid file is imported in one
transaction, so a file either imports whole or not at all.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES
from languages.pages import ascii_slug
from practices import access
from practices.models import Beneficiary, PracticeIndexPage, PracticePage, Setting, TargetGroup, Theme
from practices.models.practice import EvaluationLevel, PracticeStatus

# Plain-text translated fields a row may carry, beside title and body (the approach).
TEXT_FIELDS = ("summary", "problem", "institutions", "resources", "results", "lessons_learned", "transferability")
TRANSLATED_KEYS = ("title", "body") + TEXT_FIELDS
LIST_SEPARATORS = (";", "|")


@dataclass
class RowError:
    row: int
    field: str
    message: str

    def __str__(self):
        return f"row {self.row}, field '{self.field}': {self.message}"


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class ImportSummary:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)


# Reading ---------------------------------------------------------------------------


def read_rows(path):
    """The file's practice records as dicts in the JSON shape, whatever the format."""
    path = Path(path)
    try:
        # newline="": line ends reach the csv module as written, which keeps those inside
        # quoted fields (the csv docs' rule); JSON does not care.
        with path.open(encoding="utf-8-sig", newline="") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed([RowError(0, "file", f"cannot read {path}: {exc}")]) from exc
    if path.suffix.lower() == ".csv":
        try:
            return [csv_row_to_record(row) for row in csv.DictReader(io.StringIO(text, newline=""))]
        except csv.Error as exc:  # e.g. a cell past the csv module's field size limit
            raise ImportFailed([RowError(0, "file", f"not valid CSV: {exc}")]) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed([RowError(0, "file", f"not valid JSON: {exc}")]) from exc
    except RecursionError as exc:
        raise ImportFailed([RowError(0, "file", "not valid JSON: nested too deeply")]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("practices"), list):
        raise ImportFailed([RowError(0, "practices", 'expected an object with a "practices" list')])
    return data["practices"]


def split_list(value):
    value = (value or "").strip()
    for separator in LIST_SEPARATORS:
        value = value.replace(separator, ",")
    return [item.strip() for item in value.split(",") if item.strip()]


def translated_column(column):
    """`summary_sr-latn` -> ("summary", "sr-latn"); other columns -> None."""
    for key in TRANSLATED_KEYS:
        if column.startswith(key + "_"):
            return key, column[len(key) + 1 :]
    return None


def csv_row_to_record(row):
    """A CSV row (columns like `title_sr`, `summary_sr-latn`) in the JSON record shape."""
    record = {"translations": {}}
    for column, value in row.items():
        if column is None:
            continue
        # A line break inside a quoted cell is kept, as "\n" whatever the file's line ends.
        column, value = column.strip(), (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        translated = translated_column(column)
        if translated:
            if value:
                key, language = translated
                record["translations"].setdefault(language, {})[key] = value
        elif column in {"beneficiary", "themes", "target_groups"}:
            record[column] = split_list(value)
        elif column.startswith("contact_"):
            if value:
                record.setdefault("contact", {})[column[len("contact_") :]] = value
        elif value:
            record[column] = value
    return record


# Validation ------------------------------------------------------------------------


class Validator:
    def __init__(self, create_missing_terms=False):
        self.create_missing_terms = create_missing_terms
        self.beneficiaries = set(Beneficiary.objects.values_list("code", flat=True))
        self.terms = {
            "setting": set(Setting.objects.values_list("slug", flat=True)),
            "themes": set(Theme.objects.values_list("slug", flat=True)),
            "target_groups": set(TargetGroup.objects.values_list("slug", flat=True)),
        }

    def validate(self, records):
        errors = []
        if not PracticeIndexPage.objects.exists():
            errors.append(RowError(0, "parent", "no practice index page exists; run `manage.py setup_portal` first"))
        seen = {}
        for number, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                errors.append(RowError(number, "record", "expected an object"))
                continue
            errors += [RowError(number, name, message) for name, message in self.check(record)]
            slug = record.get("slug")
            if isinstance(slug, str) and slug in seen:
                errors.append(RowError(number, "slug", f"'{slug}' is also used by row {seen[slug]}"))
            elif isinstance(slug, str):
                seen[slug] = number
        return errors

    def check(self, record):
        slug = record.get("slug")
        if not isinstance(slug, str) or not slug or slugify(slug) != slug:
            yield "slug", f"required, lowercase letters, digits and hyphens (got {slug!r})"
        yield from self.check_beneficiaries(record.get("beneficiary"))
        yield from self.check_terms(record)
        yield from self.check_languages(record)
        yield from self.check_scalars(record)
        yield from self.check_contact(record.get("contact"))

    def check_beneficiaries(self, value):
        codes = value if isinstance(value, list) else [value] if value else []
        if not codes:
            yield "beneficiary", "required (one of " + ", ".join(sorted(self.beneficiaries)) + ")"
        for code in codes:
            # A code is text: a list or object in its place is an error, not an exception.
            if not isinstance(code, str) or code not in self.beneficiaries:
                yield "beneficiary", f"unknown Beneficiary '{code}' (known: {', '.join(sorted(self.beneficiaries))})"

    def check_terms(self, record):
        if not record.get("setting"):
            yield "setting", "required"
        elif not isinstance(record["setting"], str):
            yield "setting", "expected one setting's slug"
        for name, known in self.terms.items():
            values = record.get(name) or []
            values = [values] if isinstance(values, str) else values
            if not isinstance(values, list):
                yield name, "expected a list of slugs"
                continue
            for value in values:
                if not isinstance(value, str):
                    yield name, f"expected a slug (got {value!r})"
                elif value not in known and not (self.create_missing_terms and slugify(value) == value):
                    hint = "" if self.create_missing_terms else " (use --create-missing-terms to create it)"
                    yield name, f"unknown term '{value}'{hint}"

    def check_languages(self, record):
        original = record.get("original_language")
        if original not in LANGUAGE_CODES:
            yield "original_language", f"unknown language code {original!r} (known: {', '.join(LANGUAGE_CODES)})"
        translations = record.get("translations")
        if not isinstance(translations, dict) or not translations:
            yield "translations", "required: an object keyed by language code"
            return
        for language, values in translations.items():
            if language not in LANGUAGE_CODES:
                yield f"translations.{language}", f"unknown language code '{language}'"
            elif not isinstance(values, dict):
                yield f"translations.{language}", "expected an object with title, summary, body..."
            else:
                yield from self.check_texts(language, values)
        values = translations.get(original)
        if original in LANGUAGE_CODES and not (isinstance(values, dict) and values.get("title")):
            yield f"translations.{original}.title", "a title in the original language is required"

    @staticmethod
    def check_texts(language, values):
        for name, text in values.items():
            if name not in TRANSLATED_KEYS:
                continue
            if not isinstance(text, str):
                yield f"translations.{language}.{name}", f"expected text (got {text!r})"
            elif "\x00" in text:
                # PostgreSQL stores no NUL character: refused here rather than failing the import.
                yield f"translations.{language}.{name}", "contains a NUL character"

    @staticmethod
    def check_contact(contact):
        if contact in (None, ""):
            return
        if not isinstance(contact, dict):
            yield "contact", 'expected an object with "name", "role", "email"'
        elif any(not isinstance(value, str) or "\x00" in value for value in contact.values()):
            yield "contact", "expected text without NUL characters in name, role and email"

    def check_scalars(self, record):
        year = record.get("start_year")
        if year not in (None, ""):
            try:
                if not 1950 <= int(year) <= 2100:
                    raise ValueError
            except (TypeError, ValueError, OverflowError):  # OverflowError: JSON's Infinity
                yield "start_year", f"expected a year such as 2021 (got {year!r})"
        if str(record.get("restricted", "false")).lower() not in {"true", "false", "1", "0", "yes", "no", ""}:
            yield "restricted", "expected true or false"
        if record.get("status", "ongoing") not in PracticeStatus.values:
            yield "status", f"expected one of {', '.join(PracticeStatus.values)}"
        if record.get("evaluation_level", "none") not in EvaluationLevel.values:
            yield "evaluation_level", f"expected one of {', '.join(EvaluationLevel.values)}"
        reviewed = record.get("last_reviewed")
        if reviewed:
            try:
                datetime.date.fromisoformat(str(reviewed))
            except ValueError:
                yield "last_reviewed", f"expected a date as YYYY-MM-DD (got {reviewed!r})"


# Writing ---------------------------------------------------------------------------


def as_bool(value):
    return str(value).lower() in {"true", "1", "yes"}


def paragraphs_to_html(text):
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join(f"<p>{escape(block)}</p>".replace("\n", "<br>") for block in blocks)


class PracticeImporter:
    def __init__(self, publish=False, create_missing_terms=False, user=None):
        self.publish = publish
        self.create_missing_terms = create_missing_terms
        self.user = user

    def import_records(self, records, progress=None):
        errors = Validator(self.create_missing_terms).validate(records)
        if errors:
            raise ImportFailed(errors)
        summary = ImportSummary()
        parent = PracticeIndexPage.objects.first()
        with transaction.atomic():
            for number, record in enumerate(records, start=1):
                try:
                    created = self.save_record(parent, record)
                except ValidationError as exc:
                    raise ImportFailed(self.row_errors(number, exc)) from exc
                (summary.created if created else summary.updated).append(record["slug"])
                if progress:
                    progress.update(1)
        return summary

    @staticmethod
    def row_errors(number, exc):
        if hasattr(exc, "message_dict"):
            return [RowError(number, name, "; ".join(messages)) for name, messages in exc.message_dict.items()]
        return [RowError(number, "record", "; ".join(exc.messages))]

    def save_record(self, parent, record):
        page = PracticePage.objects.filter(record_slug=record["slug"]).first()
        if page is None:
            self.create(parent, record)
            return True
        if self.publish:
            self.update_and_publish(page, record)
        else:
            self.update_as_draft(page, record)
        return False

    def create(self, parent, record):
        """A new page: live only with --publish, otherwise a draft that nobody sees yet."""
        page = PracticePage(record_slug=record["slug"], live=self.publish)
        self.fill(page, record)
        parent.add_child(instance=page)
        self.set_relations(page, record)
        page.save()
        self.save_revision(page, record)

    def update_and_publish(self, page, record):
        self.fill(page, record)
        self.set_relations(page, record)
        page.save()
        self.save_revision(page, record)

    def update_as_draft(self, page, record):
        """A new revision on top of the page's latest one, as the admin's "Save draft" does:
        the page row (what visitors and the search index see) is not written."""
        draft = page.get_latest_revision_as_object()
        self.fill(draft, record)
        self.set_relations(draft, record)  # parental relations live in the revision until published
        self.save_revision(draft, record)

    def save_revision(self, page, record):
        # Restrict before publishing, so the page is never live and public for a moment.
        self.apply_restriction(page, record)
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)

    def apply_restriction(self, page, record):
        """Only what the row says: no `restricted` key (or an empty CSV cell) keeps the page's
        restriction as it is. A restriction is added at once; an explicit false lifts it when
        the import publishes, or when the page is not live, but a draft import does not open
        what is live to everyone."""
        if "restricted" not in record:
            return
        restricted = as_bool(record["restricted"])
        if restricted or self.publish or not page.live:
            access.restrict_to_verified(page, restricted)

    def fill(self, page, record):
        page.original_language = record["original_language"]
        setattr(page, build_localized_fieldname("slug", "en"), record["slug"])
        for language, values in record["translations"].items():
            title = values.get("title", "")
            setattr(page, build_localized_fieldname("title", language), title)
            if language != "en" and title:
                setattr(page, build_localized_fieldname("slug", language), ascii_slug(title)[:80] or record["slug"])
            setattr(page, build_localized_fieldname("approach", language), paragraphs_to_html(values.get("body")))
            for name in TEXT_FIELDS:
                setattr(page, build_localized_fieldname(name, language), values.get(name, ""))
        page.start_year = int(record["start_year"]) if record.get("start_year") not in (None, "") else None
        page.status = record.get("status") or PracticeStatus.ONGOING
        page.evaluation_level = record.get("evaluation_level") or EvaluationLevel.NONE
        page.last_reviewed = record.get("last_reviewed") or None
        contact = record.get("contact") or {}
        page.contact_name = contact.get("name", "")
        page.contact_role = contact.get("role", "")
        page.contact_email = contact.get("email", "")
        page.setting = self.term(Setting, record["setting"])

    def set_relations(self, page, record):
        codes = record["beneficiary"] if isinstance(record["beneficiary"], list) else [record["beneficiary"]]
        page.beneficiaries.set(Beneficiary.objects.filter(code__in=codes))
        page.themes.set([self.term(Theme, slug) for slug in record.get("themes") or []])
        page.target_groups.set([self.term(TargetGroup, slug) for slug in record.get("target_groups") or []])

    def term(self, model, slug):
        if self.create_missing_terms:
            term, _created = model.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ")})
            return term
        return model.objects.get(slug=slug)
