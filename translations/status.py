"""Translation status per (object, field, language): missing, outdated or current.

Detection compares an object's content before and after a change (`record_changes`):
a translation that changed is recorded against the current source text. Status then
compares that recorded source version with the source text now.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from languages.codes import LANGUAGE_CODES
from translations.models import TranslationRecord
from translations.registry import (
    SECTIONS,
    digest,
    is_empty,
    object_key,
    section_of,
    segments,
    source_language,
    translatable_fields,
)

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"
STATUS_LABELS = {MISSING: _("missing"), OUTDATED: _("outdated"), CURRENT: _("current")}
STATUSES = (MISSING, OUTDATED, CURRENT)


def records_for(obj):
    """{(field, language): TranslationRecord} of one object."""
    return records_by_object(type(obj), [obj.pk]).get(str(obj.pk), {})


def records_by_object(model, pks=None):
    """{object id: {(field, language): TranslationRecord}} of `model`'s objects, in one query."""
    records = TranslationRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False)
    )
    if pks is not None:
        records = records.filter(object_id__in=[str(pk) for pk in pks])
    grouped = {}
    for record in records:
        grouped.setdefault(record.object_id, {})[(record.field, record.language)] = record
    return grouped


def record_changes(old, new, user=None):
    """Record the translations that changed between two states of an object.

    `old` is the state before the change (None for a new object). A translation that
    existed before tracking began has no record: it counts as current until its source
    changes, which is recorded here by giving it the previous source version.
    """
    source = source_language(new)
    content_type = ContentType.objects.get_for_model(new, for_concrete_model=False)
    records = records_for(new)
    changed = []
    for name in translatable_fields(type(new)):
        new_source = digest(segments(new, name, source))
        old_source = digest(segments(old, name, source)) if old is not None else new_source
        for language in LANGUAGE_CODES:
            if language == source:
                continue
            new_target = segments(new, name, language)
            if is_empty(new_target):
                continue
            old_target = segments(old, name, language) if old is not None else []
            if digest(new_target) != digest(old_target):
                source_version = new_source
            elif (name, language) not in records and new_source != old_source:
                source_version = old_source
            else:
                continue
            changed.append(
                TranslationRecord(
                    content_type=content_type,
                    object_id=str(new.pk),
                    field=name,
                    language=language,
                    source_digest=source_version,
                    updated_by=user,
                )
            )
    # One statement for the whole object (an insert or update per translation made a new
    # object with 8 languages cost dozens of queries).
    TranslationRecord.objects.bulk_create(
        changed,
        update_conflicts=True,
        unique_fields=["content_type", "object_id", "field", "language"],
        update_fields=["source_digest", "updated_by", "updated_at"],
    )


def field_status(obj, name, language, records, source):
    """MISSING, OUTDATED, CURRENT, or None when the source has nothing to translate;
    `source` is the field's source-language segments."""
    if is_empty(source):
        return None
    if is_empty(segments(obj, name, language)):
        return MISSING
    record = records.get((name, language))
    if record is None or record.source_digest == digest(source):
        return CURRENT
    return OUTDATED


def current_content(obj):
    """What editors work on: a page's latest revision (its draft), a snippet as saved."""
    return obj.specific.get_latest_revision_as_object() if isinstance(obj, Page) else obj


@dataclass
class Row:
    """One object in one target language, with the status of each of its fields."""

    obj: object
    section: str
    language: str
    fields: dict = field(default_factory=dict)  # field name -> status

    def has(self, status):
        if status == CURRENT:
            return self.fields and all(value == CURRENT for value in self.fields.values())
        return status in self.fields.values()

    @property
    def status(self):
        """The row's headline: missing before outdated before current."""
        return next((status for status in STATUSES if status in self.fields.values()), CURRENT)

    @property
    def section_label(self):
        return SECTIONS[self.section][0]

    @property
    def key(self):
        return object_key(self.obj)


def object_rows(obj, languages=LANGUAGE_CODES, records=None):
    """Rows of one object for each language other than its source; `records` as
    `records_for` gives them, when the caller has read them for many objects at once."""
    return content_rows(current_content(obj), languages, records)


def content_rows(content, languages=LANGUAGE_CODES, records=None):
    """`object_rows` of content already read: a page's revision as an object, or a snippet."""
    records = records_for(content) if records is None else records
    source = source_language(content)
    sources = {name: segments(content, name, source) for name in translatable_fields(type(content))}
    rows = []
    for language in languages:
        if language == source:
            continue
        statuses = {name: field_status(content, name, language, records, text) for name, text in sources.items()}
        statuses = {name: status for name, status in statuses.items() if status}
        if statuses:
            rows.append(Row(content, section_of(type(content)), language, statuses))
    return rows
