"""Screenshots of the key pages at a phone's and a desktop's width, for docs/screenshots/.

The pages are the demo content's: the home page, the practice listing, a practice, a guide (in
Serbian Cyrillic), the screening tool and a search with results. Each is shot as the first screen
a visitor sees (not the whole length of the page) and saved as an optimised, palette PNG, so the
files stay small enough to commit.
"""

import io
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application
from django.utils import translation

WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
# Page types shot, by model name, with the language each is shown in.
KEY_PAGES = [
    ("homepage", "en"),
    ("practiceindexpage", "en"),
    ("practicepage", "en"),
    ("guidepage", "sr"),
    ("screeningtoolpage", "sq"),
]
SEARCH = ("search", "en", "/en/search/?q=mentor")


def key_paths():
    """(name, path) of each key page, found in the live, public pages."""
    from wagtail.models import Page

    paths = []
    for model_name, language in KEY_PAGES:
        page = Page.objects.live().public().filter(content_type__model=model_name).order_by("path").first()
        if page is not None:
            with translation.override(language):
                paths.append((f"{model_name.removesuffix('page')}-{language}", page.specific.get_url()))
    return [*paths, (f"{SEARCH[0]}-{SEARCH[1]}", SEARCH[2])]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadedServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def serve_in_thread():
    """This project's WSGI application (with its static files) on a free loopback port."""
    server = make_server("127.0.0.1", 0, StaticFilesHandler(get_wsgi_application()), ThreadedServer, QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def optimised_png(raw):
    """A palette PNG (256 colours, enough for flat UI) at the highest compression."""
    from PIL import Image

    image = Image.open(io.BytesIO(raw)).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def shoot(base_url, paths, output: Path, chromium_path, chromium_args):
    """Writes <name>-<width>.png for every path and width; returns the files written."""
    from playwright.sync_api import sync_playwright

    output.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=chromium_args)
        try:
            for width_name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for name, path in paths:
                    page.goto(base_url + path, wait_until="networkidle")
                    target = output / f"{name}-{width_name}.png"
                    target.write_bytes(optimised_png(page.screenshot()))
                    written.append(target)
                page.close()
        finally:
            browser.close()
    return written
