from django.core.management.base import BaseCommand

from translations.stored import rebuild


class Command(BaseCommand):
    help = (
        "Recompute the stored translation status of every tracked page and snippet (what the admin's "
        "dashboard panel, report and page panel read). Changes made through Wagtail keep it up to date; "
        "run it after content was written around Wagtail (bulk imports, SQL) or to check."
    )

    def handle(self, *args, **options):
        rows = rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Translation status stored: {rows} rows (object × language).")
