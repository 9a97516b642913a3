from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from languages.codes import LANGUAGE_CODES
from practices.models import PracticePage
from translations.memory import memory_for
from translations.registry import resolve
from translations.xliff import XliffError, build_export, prefilled_message


class Command(BaseCommand):
    help = "Export pages or snippets as an XLIFF 2.0 file from their source language into a target language."

    def add_arguments(self, parser):
        parser.add_argument("objects", nargs="*", help="object keys as in the report, e.g. practices.practicepage.12")
        parser.add_argument("--record", action="append", default=[], help="a practice's record identifier (repeatable)")
        parser.add_argument("--target", required=True, choices=LANGUAGE_CODES)
        parser.add_argument("--source", choices=LANGUAGE_CODES, help="default: the objects' own source language")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        objects = [self._object(key) for key in options["objects"]]
        objects += [self._practice(slug) for slug in options["record"]]
        try:
            export = build_export(objects, options["target"], options["source"], memory_for(options["target"]))
        except XliffError as error:
            raise CommandError("\n".join(error.messages)) from None
        if options["output"]:
            Path(options["output"]).write_bytes(export.data)
            self.stderr.write(f"{len(objects)} object(s) written to {options['output']}")
        else:
            self.stdout.write(export.data.decode("utf-8"))
        if export.prefilled:
            self.stderr.write(prefilled_message(export.prefilled))

    def _object(self, key):
        obj = resolve(key)
        if obj is None:
            raise CommandError(f"No page or snippet {key!r}.")
        return obj

    def _practice(self, slug):
        practice = PracticePage.objects.filter(record_slug=slug).first()
        if practice is None:
            raise CommandError(f"No practice with record identifier {slug!r}.")
        return practice
