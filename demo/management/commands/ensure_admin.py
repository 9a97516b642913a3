import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local admin account once and print its credentials (development only)."

    def handle(self, *args, **options):
        credentials = settings.VAR_DIR / "admin-credentials.txt"
        User = get_user_model()
        if credentials.exists() and User.objects.filter(username="admin").exists():
            username, password = credentials.read_text().split()
        else:
            username, password = "admin", secrets.token_urlsafe(12)
            user = User.objects.filter(username=username).first() or User(username=username, email="admin@example.org")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            credentials.parent.mkdir(parents=True, exist_ok=True)
            credentials.write_text(f"{username} {password}\n")
            credentials.chmod(0o600)
        self.stdout.write(f"Admin: http://127.0.0.1:8000/admin/  user: {username}  password: {password}")
