from django.core.management import call_command
from django.core.management.base import BaseCommand

from home.setup.portal import setup_portal


class Command(BaseCommand):
    help = (
        "Set up a fresh portal: the home page and sections in every language, the Beneficiaries and "
        "reference taxonomies, groups, permissions, the review workflow and the restricted collection. "
        "No demo content. Idempotent: what exists is left as it is."
    )

    def handle(self, *args, **options):
        pages = setup_portal()
        # By name: the translations app is a sibling layer of home (pyproject.toml).
        call_command("rebuild_translation_status", verbosity=0)
        self.stdout.write(f"Portal set up: home page and {len(pages) - 1} sections, taxonomies, groups, workflow.")
