from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translations.xliff import XliffError, import_xliff, read_limited


class Command(BaseCommand):
    help = "Import a translated XLIFF 2.0 file: checked entirely first; any problem and nothing changes."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--publish", action="store_true", help="publish the translated pages (default: save a draft)"
        )
        parser.add_argument("--user", help="username recorded as the translator (and whose permissions apply)")

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
                data = read_limited(file)
            result = import_xliff(data, user=user, publish=options["publish"])
        except XliffError as error:
            raise CommandError("Nothing imported:\n" + "\n".join(error.messages)) from None
        for obj, name in result.incomplete:
            self.stderr.write(f"{obj}: {name} not fully translated, left unchanged")
        self.stdout.write(f"{len(result.changed)} object(s) updated, {result.unchanged} unchanged ({result.target})")
