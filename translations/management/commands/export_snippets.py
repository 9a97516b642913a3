from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from languages.codes import LANGUAGE_CODES
from translations.bulk import FORMATS, export_collection
from translations.snippet_collections import COLLECTIONS
from translations.xliff import XliffError, prefilled_message


class Command(BaseCommand):
    help = (
        "Export a snippet collection (glossary, taxonomies, indicators) into one language as XLIFF 2.0 or PO, "
        "untranslated texts pre-filled from the translation memory where it has them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--collection", required=True, choices=list(COLLECTIONS))
        parser.add_argument("--language", required=True, choices=LANGUAGE_CODES, help="the target language")
        parser.add_argument("--format", default="xliff", choices=list(FORMATS))
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        try:
            export, _name = export_collection(options["collection"], options["language"], options["format"])
        except XliffError as error:
            raise CommandError("\n".join(error.messages)) from None
        if options["output"]:
            Path(options["output"]).write_bytes(export.data)
            self.stderr.write(f"written to {options['output']}")
        else:
            self.stdout.write(export.data.decode("utf-8"))
        self.stderr.write(prefilled_message(export.prefilled))
