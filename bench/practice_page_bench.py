"""How long the server takes to answer a practice page, warm: p50 and p95 against a peer page.

Not a timed test: it prints figures. It works on a throwaway SQLite database with the demo
content in a temporary directory, and on a real Elasticsearch node (the page asks it for similar
practices), under its own index prefix, removed afterwards:

    python bench/practice_page_bench.py --elasticsearch http://127.0.0.1:9200 [--language sr] [--runs 300]

Server time is the time Django's test client takes for the whole request (middleware, the page's
queries, templates, the more-like-this search), without a socket. The peer is the home page, in
the same process and language, so the ratio holds across machines. Target: p95 of the practice
page at most 30 ms. The last line is JSON.
"""

import argparse
import contextlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
WORKDIR = tempfile.mkdtemp(prefix="practice-bench-")


def configure(elasticsearch):
    for name, value in {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "1",
        "PORTAL_VAR_DIR": WORKDIR,
        "ALLOWED_HOSTS": "testserver",
        "ELASTICSEARCH_URL": elasticsearch,
        "SEARCH_INDEX_PREFIX": f"bench-practice-{os.getpid()}",
        "LOG_LEVEL": "ERROR",
    }.items():
        os.environ[name] = value
    os.environ.pop("DATABASE_URL", None)  # always the throwaway SQLite under WORKDIR

    import django

    django.setup()


def prepare():
    from django.core.management import call_command

    from demo.loader import DemoLoader

    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):  # wagtail-modeltranslation prints its SQL
        call_command("migrate", interactive=False, verbosity=0)
        DemoLoader().load()
        call_command("rebuild_search_index", verbosity=0)
    print(f"set-up (migrate, demo content, index): {time.perf_counter() - started:.1f} s", file=sys.stderr)


def remove_index():
    from django.conf import settings

    from search.client import get_client

    indices = f"{settings.SEARCH_INDEX_PREFIX}-*"
    get_client().indices.delete(index=indices, ignore_unavailable=True, allow_no_indices=True)


def timings(client, url, runs):
    for _ in range(20):  # warm: caches, connections, compiled templates
        assert client.get(url).status_code == 200, url
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, url
    return seconds


def summary(seconds):
    ordered = sorted(seconds)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elasticsearch", default=os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200"))
    parser.add_argument("--language", default="en")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()

    configure(args.elasticsearch)
    prepare()
    try:
        from django.test import Client
        from django.utils import translation

        from practices.models import PracticePage

        practice = PracticePage.objects.live().public().order_by("path").first()
        with translation.override(args.language):
            url = practice.get_url()
        peer = f"/{args.language}/"
        client = Client()
        page, home = summary(timings(client, url, args.runs)), summary(timings(client, peer, args.runs))
    finally:
        remove_index()

    print(f"practice page {url}: p50 {page['p50_ms']} ms, p95 {page['p95_ms']} ms ({args.runs} warm requests)")
    print(f"home page {peer} (peer): p50 {home['p50_ms']} ms, p95 {home['p95_ms']} ms")
    ratio = page["p95_ms"] / home["p95_ms"]
    print(f"ratio practice / home (p95): {ratio:.2f}")
    print(f"target p95 <= 30 ms: {'met' if page['p95_ms'] <= 30 else 'NOT met'}")
    print(json.dumps({"practice": page, "home": home, "ratio_p95": round(ratio, 2), "url": url, "runs": args.runs}))


if __name__ == "__main__":
    main()
