from django.core.management.base import BaseCommand, CommandError

from practices.importing import ImportFailed
from results.importing import import_trainings, read_rows


class Command(BaseCommand):
    help = "Import training and event records from a CSV file (columns: docs/results.md); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv file")

    def handle(self, *args, file, **options):
        try:
            summary = import_trainings(read_rows(file))
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(failure.errors)} error(s); nothing was imported.") from failure
        self.stdout.write(
            f"Imported {len(summary.created) + len(summary.updated)} training record(s): "
            f"{len(summary.created)} created, {len(summary.updated)} updated."
        )
