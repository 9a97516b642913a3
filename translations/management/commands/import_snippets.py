from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translations.bulk import import_collection_file
from translations.xliff import XliffError, read_limited


class Command(BaseCommand):
    help = (
        "Import a translated snippet collection (XLIFF 2.0 or PO, as export_snippets writes them): checked "
        "entirely first; any problem and nothing changes. Unconfirmed translation memory proposals are left out."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", help="username recorded as the translator (and whose languages apply)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        try:
            with path.open("rb") as file:
                result = import_collection_file(read_limited(file), user=user)
        except XliffError as error:
            raise CommandError("Nothing imported:\n" + "\n".join(error.messages)) from None
        for obj, name in result.incomplete:
            self.stderr.write(f"{obj}: {name} not translated, left unchanged")
        for obj, name in result.proposals:
            self.stderr.write(f"{obj}: {name} is an unconfirmed translation memory proposal, left unchanged")
        self.stdout.write(
            f"{len(result.changed)} object(s) updated, {result.unchanged} unchanged, "
            f"{len(result.proposals)} proposal(s) left out ({result.target})"
        )
