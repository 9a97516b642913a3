"""Server time of the results page and its CSV files, warm, on the demo content plus `--records`
extra training records (the page's cost must not grow with them).

Not a timed test: it prints figures. A throwaway SQLite database in a temporary directory, no
service (as bench/news_bench.py).

    python bench/results_bench.py [--language sr] [--runs 50] [--records 1000]

Printed per address: median and p95 in milliseconds, and the number of SQL queries of one request.
"""

import argparse
import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
WORKDIR = tempfile.mkdtemp(prefix="results-bench-")
for name, value in {
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "DEBUG": "1",
    "PORTAL_VAR_DIR": WORKDIR,
    "ALLOWED_HOSTS": "testserver",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9",  # no search node: the demo loader only logs a line
    "LOG_LEVEL": "ERROR",
}.items():
    os.environ[name] = value
os.environ.pop("DATABASE_URL", None)  # always the throwaway SQLite under WORKDIR

import django  # noqa: E402

django.setup()


def prepare():
    from django.core.management import call_command

    from demo.loader import DemoLoader

    with contextlib.redirect_stdout(io.StringIO()):  # wagtail-modeltranslation prints its SQL
        call_command("migrate", interactive=False, verbosity=0)
        DemoLoader().load()


def add_records(count):
    import datetime

    from practices.models import Beneficiary
    from results.models import TrainingRecord

    beneficiaries = list(Beneficiary.objects.all())
    TrainingRecord.objects.bulk_create(
        TrainingRecord(
            slug=f"bench-{number}",
            title=f"Bench training {number}",
            beneficiary=beneficiaries[number % len(beneficiaries)],
            start_date=datetime.date(2015 + number % 11, 1 + number % 12, 1),
            participants_prison=number % 30,
            participants_women=number % 30,
        )
        for number in range(count)
    )


def pages(language):
    from django.utils import translation

    from results.models import ResultsPage

    with translation.override(language):
        page = ResultsPage.objects.get().get_url()
        return {
            "results page": page,
            **{f"{chart}.csv": f"{page}{chart}.csv" for chart in ("trained", "practices", "versions")},
        }


def measure(client, url, runs):
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="sr")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--records", type=int, default=0, help="extra training records beside the demo's")
    args = parser.parse_args()
    prepare()
    add_records(args.records)
    from django.test import Client

    client = Client()
    for label, url in pages(args.language).items():
        median, p95, queries = measure(client, url, args.runs)
        print(f"{label} ({url}): median {median:.1f} ms, p95 {p95:.1f} ms, {queries} queries")


if __name__ == "__main__":
    main()
