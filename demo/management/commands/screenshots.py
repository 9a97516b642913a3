"""`manage.py screenshots`: regenerates docs/screenshots/ (see demo/screenshots.py)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from demo import screenshots

# Debian's Chromium as root in a container, as the browser tests launch it (conftest.py).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


class Command(BaseCommand):
    help = "Screenshots of the key pages at phone (390 px) and desktop (1280 px) widths into docs/screenshots/."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", help="a running portal (e.g. http://127.0.0.1:8000); default: serve this one")
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "docs" / "screenshots"))

    def handle(self, *args, base_url=None, output=None, **options):
        paths = screenshots.key_paths()  # the database first: Playwright's loop forbids the ORM after
        server = None
        if not base_url:
            server, base_url = screenshots.serve_in_thread()
        try:
            chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
            written = screenshots.shoot(base_url.rstrip("/"), paths, Path(output), chromium, CHROMIUM_ARGS)
        finally:
            if server:
                server.shutdown()
        total = sum(path.stat().st_size for path in written)
        for path in written:
            self.stdout.write(f"{path} ({path.stat().st_size // 1024} KiB)")
        self.stdout.write(f"{len(written)} screenshots, {total // 1024} KiB")
