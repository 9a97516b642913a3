"""manage.py add_publication FILE --language LANG --title TITLE [--type TYPE] [--beneficiary XX ...]
[--restricted] [--publish]: bulk loading of existing reports, one file per call."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from languages.codes import LANGUAGE_CODES
from publications.adding import NewPublication, Refused, add_publication
from publications.models import PublicationType


class Command(BaseCommand):
    # Help and argument help stay in English, as Django's own commands; what the command
    # reports (errors, warnings) is in the catalogues.
    help = "Add a publication to the library from a PDF, DOCX or ODT file and print its page's URL."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the PDF, DOCX or ODT file")
        parser.add_argument("--language", required=True, choices=LANGUAGE_CODES, help="the file's language")
        parser.add_argument("--title", required=True, help="the publication's title, in that language")
        parser.add_argument("--type", default=PublicationType.REPORT, choices=PublicationType.values)
        parser.add_argument(
            "--beneficiary", action="append", default=[], metavar="XX", help="a Beneficiary's code (repeatable)"
        )
        parser.add_argument("--restricted", action="store_true", help="for verified professionals only")
        parser.add_argument("--publish", action="store_true", help="publish it (else a draft)")

    def handle(self, *args, **options):
        new = NewPublication(
            path=options["file"],
            language=options["language"],
            title=options["title"],
            type=options["type"],
            beneficiaries=[code.upper() for code in options["beneficiary"]],
            restricted=options["restricted"],
            publish=options["publish"],
        )
        try:
            page = add_publication(new)
        except Refused as error:
            raise CommandError(str(error)) from error
        extracted = getattr(page.files.first().document, "extracted_text", None)
        if extracted is None or extracted.status != "text":
            warning = _("warning: no text could be extracted from %(file)s: it will not be searchable")
            self.stderr.write(warning % {"file": new.path.name})
        with translation.override(new.language):
            url = page.full_url if new.publish else None
        if url is None:
            # A draft has no public URL: where the editor finds it.
            url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.stdout.write(url)
