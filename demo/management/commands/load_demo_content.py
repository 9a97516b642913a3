from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Load the demo content (Beneficiaries, practices, the reintegration guide, the screening tool, glossary). "
        "Idempotent."
    )

    def handle(self, *args, **options):
        DemoLoader(stdout=self.stdout if options["verbosity"] else None).load()
        self.stdout.write("Demo content loaded.")
