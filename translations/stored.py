"""The stored translation status (`TranslationStatus`): written when content changes, read by the admin.

The rows are exactly what `status.object_rows` computes from an object's current content, so the
dashboard, the report and the page panel read them with one query each instead of recomputing
every object. signals.py calls `store` on every change; `rebuild` recomputes everything
(`manage.py rebuild_translation_status`, run by `setup_portal` and the demo loader).
"""

import functools
import time

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q

from languages.codes import LANGUAGE_CODES
from translations.models import TranslationStatus
from translations.registry import inline_relations, tracked_models
from translations.status import CURRENT, MISSING, OUTDATED, STATUSES, content_rows, current_content, records_by_object

LANGUAGE_POSITIONS = {code: index for index, code in enumerate(LANGUAGE_CODES)}
STATUS_FILTERS = {MISSING: Q(missing=True), OUTDATED: Q(outdated=True), CURRENT: Q(status=CURRENT)}
# The counts per language read every stored row (8 per object: 0.18 s at 20 000 practices), so
# they are cached under a generation that every change of the rows renews, as the menu fragments
# are (caching/fragments.py). The timeout bounds how stale another web process's counts can be
# with the default per-process cache; with a shared one (CACHE_URL) a change renews them all.
GENERATION_KEY = "translations:status-generation"
COUNTS_TIMEOUT = 300


@functools.cache
def positions():
    """{model: its place in the report order}."""
    return {model: index for index, (_section, model) in enumerate(tracked_models())}


def _content_type(model):
    return ContentType.objects.get_for_model(model, for_concrete_model=False)


def status_rows(content, records=None):
    """Unsaved TranslationStatus rows of one object's current content."""
    model = type(content)
    return [
        TranslationStatus(
            content_type=_content_type(model),
            object_id=content.pk,
            language=row.language,
            section=row.section,
            position=positions()[model],
            language_position=LANGUAGE_POSITIONS[row.language],
            label=str(content)[:255],
            status=row.status,
            missing=MISSING in row.fields.values(),
            outdated=OUTDATED in row.fields.values(),
            fields=row.fields,
        )
        for row in content_rows(content, records=records)
    ]


@transaction.atomic
def store(content):
    """Replace the stored status of one object by that of `content`, its current state."""
    forget(type(content), content.pk)
    TranslationStatus.objects.bulk_create(status_rows(content))


def forget(model, pk):
    TranslationStatus.objects.filter(content_type=_content_type(model), object_id=pk).delete()
    renew_counts()


def renew_counts():
    # After the commit: counted before it, the new generation would hold the old rows' counts.
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, time.time_ns(), timeout=None))


@transaction.atomic
def rebuild(batch=500):
    """Recompute every tracked object's status; returns the number of rows stored."""
    TranslationStatus.objects.all().delete()
    stored = 0
    for _section, model in tracked_models():
        records = records_by_object(model)  # one query per model
        objects = model.objects.order_by("pk").prefetch_related(*inline_relations(model))
        rows = []
        for obj in objects.iterator(chunk_size=batch):
            rows += status_rows(current_content(obj), records.get(str(obj.pk), {}))
            if len(rows) >= batch:
                stored += len(TranslationStatus.objects.bulk_create(rows))
                rows = []
        stored += len(TranslationStatus.objects.bulk_create(rows))
    renew_counts()
    return stored


def report_rows(languages=None, section=None, status=None):
    """The report's rows (object × language) in a stable order, filtered, as a queryset."""
    rows = TranslationStatus.objects.select_related("content_type")
    if languages is not None:
        rows = rows.filter(language__in=languages)
    if section:
        rows = rows.filter(section=section)
    if status:
        rows = rows.filter(STATUS_FILTERS[status])
    return rows.order_by("position", "object_id", "language_position")


def counts_per_language(languages=None, section=None, status=None):
    """{language: {status: number of objects with at least one field in it}} of the rows the
    filters keep (`report_rows`' filters), cached until the stored status changes."""
    return tallies(languages, section, status)[0]


def tallies(languages=None, section=None, status=None):
    """(`counts_per_language`, how many rows `report_rows` keeps): one query over the stored
    rows, then one cache read, until the stored status changes. The report's paginator is given
    the number: it counted all 160 000 rows of 20 000 practices on every view (docs/performance.md)."""
    generation = cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)
    # "tallies", not the earlier "counts" (a dict alone): a shared cache may still hold those.
    key = f"translations:tallies:{generation}:{sorted(languages) if languages is not None else ''}:{section}:{status}"
    return cache.get_or_set(key, lambda: _count(languages, section, status), timeout=COUNTS_TIMEOUT)


def _count(languages, section, status):
    totals = (
        report_rows(languages, section, status)
        .order_by()
        .values("language")
        .annotate(rows=Count("pk"), **{name: Count("pk", filter=STATUS_FILTERS[name]) for name in STATUSES})
    )
    counts, rows = {language: dict.fromkeys(STATUSES, 0) for language in LANGUAGE_CODES}, 0
    for total in totals:
        counts[total["language"]] = {name: total[name] for name in STATUSES}
        rows += total["rows"]
    return counts, rows


def object_status(obj):
    """The stored rows of one object, in language order."""
    return TranslationStatus.objects.filter(content_type=_content_type(type(obj)), object_id=obj.pk).order_by(
        "language_position"
    )
