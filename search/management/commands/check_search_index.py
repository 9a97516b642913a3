from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search import drift, outbox
from search.client import UNAVAILABLE

# Exit codes: 0 the index is in step with the database, 1 drift (left after --fix),
# 2 Elasticsearch did not answer.
DRIFT, UNREACHABLE = 1, 2


class Command(BaseCommand):
    help = (
        "Compare the live searchable pages with the search index: report pages without a document "
        "(missing), documents that differ from their page (stale) and documents without a live "
        "searchable page (orphan). Exit code 0 when clean, 1 on drift, 2 when Elasticsearch is unreachable."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="reindex missing and stale pages, delete orphans (rebuild when there is no index)",
        )

    def handle(self, *args, fix=False, **options):
        try:
            report = self.run_check()
            if fix and not report.clean:
                self.stdout.write(f"Fixing: {drift.fix(report)}.")
                report = self.run_check()
        except UNAVAILABLE as exc:
            message = f"Elasticsearch is not reachable at {settings.ELASTICSEARCH_URL} or refused the request ({exc})"
            raise CommandError(f"{message}; run this again when it answers.", returncode=UNREACHABLE) from None
        if not report.clean:
            hint = "" if fix else " Run check_search_index --fix to mend it."
            raise CommandError(f"The search index has drifted from the database.{hint}", returncode=DRIFT)

    def run_check(self):
        # Not `check`: BaseCommand.check runs Django's system checks.
        report = drift.check()
        for problem in report.problems:
            self.stdout.write(str(problem))
        self.stdout.write(report.summary())
        self.stdout.write(queue_line())
        return report


def queue_line():
    """How far behind the index queue is: the age of the oldest change not yet accepted."""
    oldest = outbox.oldest_pending()
    if oldest is None:
        return "queue: empty (every change accepted by the node)"
    waiting = outbox.pending().count()
    age = (timezone.now() - oldest).total_seconds()
    return f"queue: {waiting} change(s) waiting; the oldest queued {age:.0f} s ago"
