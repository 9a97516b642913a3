"""A throwaway portal for the page benches: Django on a SQLite database in a temporary directory,
with the demo content (and, when asked, the search index), touching no other data.

    from bench import demo_site
    demo_site.start("pdf-bench", PRINTING_CACHE_DIR=...)   # before any Django import
    demo_site.load_demo(index=False)
"""

import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NO_SEARCH_NODE = "http://127.0.0.1:9"  # the demo loader only logs a line per page it cannot index


def start(name, elasticsearch=NO_SEARCH_NODE, **environment):
    """Sets the environment and Django up; returns the temporary directory."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    workdir = tempfile.mkdtemp(prefix=f"{name}-")
    for key, value in {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "1",
        "PORTAL_VAR_DIR": workdir,
        "ALLOWED_HOSTS": "testserver",
        "ELASTICSEARCH_URL": elasticsearch,
        "SEARCH_INDEX_PREFIX": f"{name}-{os.getpid()}",
        "LOG_LEVEL": "ERROR",
        **{key: value(workdir) if callable(value) else value for key, value in environment.items()},
    }.items():
        os.environ[key] = value
    os.environ.pop("DATABASE_URL", None)  # always the throwaway SQLite under workdir

    import django

    django.setup()
    return workdir


def load_demo(index=False):
    """Migrates, loads the demo content and, with `index`, builds the search index; prints the time."""
    from django.core.management import call_command

    from demo.loader import DemoLoader

    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):  # wagtail-modeltranslation prints its SQL
        call_command("migrate", interactive=False, verbosity=0)
        DemoLoader().load()
        if index:
            call_command("rebuild_search_index", verbosity=0)
    done = "migrate, demo content" + (", index" if index else "")
    print(f"set-up ({done}): {time.perf_counter() - started:.1f} s", file=sys.stderr)


def remove_index():
    """The bench's own indices on the node (start() named them after the bench and the process)."""
    from django.conf import settings

    from search.client import get_client

    indices = f"{settings.SEARCH_INDEX_PREFIX}-*"
    get_client().indices.delete(index=indices, ignore_unavailable=True, allow_no_indices=True)


def measure(client, url, runs):
    """Median and p95 server time in ms of `runs` warm requests, and the queries of one."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warm
    reset_queries()  # the set-up filled the log to its limit: nothing new would be counted
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], len(queries)
