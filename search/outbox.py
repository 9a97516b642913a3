"""The queue of index changes: written with the change, sent when it commits, retried until
the node accepts it.

`enqueue` writes one row per page in the current transaction and, once it commits, sends
them at once (a published page is searchable as soon as its editor has published it). When
the node does not accept them, they wait for the worker (`process_index_queue`), which
retries with a growing delay. Each change is "make the page's document match the database
now", so sending one twice, or late, or out of order, is harmless.
"""

import datetime
import logging
from functools import partial

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from search import indexing
from search.client import UNAVAILABLE
from search.models import IndexChange

logger = logging.getLogger(__name__)

# The worker leaves a fresh change this long to its immediate send after the commit.
GRACE = datetime.timedelta(seconds=10)
MAX_DELAY = datetime.timedelta(minutes=5)
# Done changes are kept this long, for a rebuild to replay what happened during its fill.
KEEP_DONE = datetime.timedelta(days=7)
BATCH = 500


def enqueue(page_ids):
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    due = timezone.now() + GRACE
    rows = IndexChange.objects.bulk_create([IndexChange(page_id=pk, next_attempt_at=due) for pk in page_ids])
    transaction.on_commit(partial(send, [row.pk for row in rows]), robust=True)


def send(row_ids):
    rows = list(IndexChange.objects.filter(pk__in=row_ids, done_at__isnull=True))
    if rows:
        process(rows)


def pending():
    return IndexChange.objects.filter(done_at__isnull=True)


def due_rows(limit=BATCH):
    now = timezone.now()
    return list(pending().filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)).order_by("pk")[:limit])


def process(rows, index=None):
    """Send these changes in one bulk request; mark done what the node accepted, postpone the
    rest. Returns how many are done."""
    page_ids = sorted({row.page_id for row in rows})
    try:
        failed = indexing.apply(page_ids, index=index, refresh=True)
    except UNAVAILABLE as exc:
        logger.warning("search index not updated (%s); %d change(s) stay queued", exc, len(page_ids))
        postpone(rows, str(exc))
        return 0
    done = [row for row in rows if row.page_id not in failed]
    IndexChange.objects.filter(pk__in=[row.pk for row in done]).update(done_at=timezone.now())
    postpone([row for row in rows if row.page_id in failed], "refused by the node")
    return len(done)


def postpone(rows, error):
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + min(datetime.timedelta(seconds=5 * 2**row.attempts), MAX_DELAY)
        row.last_error = error[:1000]
    IndexChange.objects.bulk_update(rows, ["attempts", "next_attempt_at", "last_error"])


def drain(limit=BATCH):
    """One pass of the worker: the due changes, then the old done ones cleared. Returns how
    many were done."""
    done = 0
    rows = due_rows(limit)
    if rows:
        done = process(rows)
    forget_done()
    return done


def forget_done():
    last = IndexChange.objects.aggregate(last=Max("pk"))["last"]
    # The newest row stays: search.visibility keys its cache on it.
    old = IndexChange.objects.filter(done_at__lt=timezone.now() - KEEP_DONE).exclude(pk=last)
    old.delete()


def last_id():
    return IndexChange.objects.aggregate(last=Max("pk"))["last"] or 0


def since(mark):
    """The changes queued after `mark` (a row id), and any still pending."""
    return list(IndexChange.objects.filter(Q(pk__gt=mark) | Q(done_at__isnull=True)).order_by("pk"))


def oldest_pending():
    """When the oldest change still waiting was queued, or None."""
    row = pending().order_by("queued_at").first()
    return row.queued_at if row else None
