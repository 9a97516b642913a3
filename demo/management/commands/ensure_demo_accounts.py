from django.core.management.base import BaseCommand

from demo.accounts import ensure_demo_accounts


class Command(BaseCommand):
    help = (
        "Create the demo professionals, a pending request and a focal point; print their passwords (development only)."
    )

    def handle(self, *args, **options):
        for username, email, password, what in ensure_demo_accounts():
            self.stdout.write(f"{what}: login {email} (admin user {username})  password: {password}")
