"""Setting the stage for a bench: Django on the bench database, demo content, both indices."""

import contextlib
import logging
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INDEX_PREFIX = "portal-bench"
STATIC_ROOT = REPO / "var" / "bench-static"


def django_environment(database_url, elasticsearch_url, prefix=INDEX_PREFIX):
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "ELASTICSEARCH_URL": elasticsearch_url,
        "SEARCH_INDEX_PREFIX": prefix,
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",  # DEBUG would record every SQL query in memory
        "SEARCH_TIMEOUT": "10",
        "PYTHONPATH": str(REPO),
        "STATIC_ROOT": str(STATIC_ROOT),  # the API serves no static files; whitenoise wants the directory
    }


def start_django(database_url, elasticsearch_url, prefix=INDEX_PREFIX):
    import django

    env = django_environment(database_url, elasticsearch_url, prefix)
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    os.environ.update(env)
    django.setup()
    return env


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - started


def load_demo():
    from django.core.management import call_command

    from demo.loader import DemoLoader

    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        call_command("migrate", "--noinput", verbosity=0, stdout=quiet)
    # Publishing demo pages before any index exists only logs "not indexed": the rebuild follows.
    logging.getLogger("search.indexing").setLevel(logging.ERROR)
    DemoLoader().load()
    logging.getLogger("search.indexing").setLevel(logging.NOTSET)


def index_ours():
    from search.rebuild import rebuild

    return rebuild()


def index_builtin():
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        call_command("update_index", backend_name="builtin", stdout=quiet)


def drop_indices():
    """The bench's indices go; its database stays until the next run (it is dropped then)."""
    from django.conf import settings

    if not settings.configured:
        return
    from search.client import get_client

    prefix = settings.SEARCH_INDEX_PREFIX
    for pattern in (f"{prefix}-pages*", f"{prefix}-builtin_*"):
        get_client().options(request_timeout=60).indices.delete(
            index=pattern, ignore_unavailable=True, allow_no_indices=True
        )
