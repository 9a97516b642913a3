from django.conf import settings
from django.core.management.base import BaseCommand

from curation.retention import purge


class Command(BaseCommand):
    help = "Delete search analytics older than SEARCH_ANALYTICS_RETENTION_DAYS (180 by default)."

    def handle(self, *args, **options):
        deleted = purge()
        days = settings.SEARCH_ANALYTICS_RETENTION_DAYS
        self.stdout.write(f"{deleted} row(s) older than {days} days deleted")
