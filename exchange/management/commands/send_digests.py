from django.core.management.base import BaseCommand

from exchange.digests import send_due_digests


class Command(BaseCommand):
    help = "E-mail each due alert's digest of new and updated practices (run it from cron, e.g. hourly)."

    def handle(self, *args, **options):
        sent = send_due_digests()
        self.stdout.write(f"Sent {sent} digest(s).")
