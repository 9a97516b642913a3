from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from practices.importing import ImportFailed, PracticeImporter, read_rows


class Command(BaseCommand):
    help = "Import good-practice records from a JSON or CSV file (see docs/import.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .json or .csv file")
        parser.add_argument("--publish", action="store_true", help="publish imported pages (default: save drafts)")
        parser.add_argument(
            "--create-missing-terms",
            action="store_true",
            help="create themes, target groups and settings that do not exist",
        )

    def handle(self, *args, file, publish, create_missing_terms, **options):
        importer = PracticeImporter(publish=publish, create_missing_terms=create_missing_terms)
        try:
            records = read_rows(file)
            with tqdm(total=len(records), desc="importing", unit="practice", disable=options["verbosity"] == 0) as bar:
                summary = importer.import_records(records, progress=bar)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(failure.errors)} error(s); nothing was imported.") from failure
        self.stdout.write(
            f"Imported {len(summary.created) + len(summary.updated)} practice(s): "
            f"{len(summary.created)} created, {len(summary.updated)} updated"
            + (", published." if publish else ", saved as drafts.")
        )
