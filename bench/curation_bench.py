"""What search curation adds to a search: recording it, finding its picks, expanding synonyms.

Not a timed test: it prints figures (milliseconds, p50 and p95 over --runs calls) on PostgreSQL,
in its own database (`portal_curation_bench`, created afresh on the server of DATABASE_URL):

    DATABASE_URL=postgres://... python bench/curation_bench.py [--runs 500]

The last line is JSON.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def timed(function, runs):
    times = []
    for run in range(runs):
        started = time.perf_counter()
        function(run)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50": round(statistics.median(times), 3), "p95": round(times[int(len(times) * 0.95)], 3)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    from bench.services import bench_database

    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DEBUG="1",
        DATABASE_URL=bench_database(os.environ["DATABASE_URL"], "portal_curation_bench"),
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page

    call_command("migrate", interactive=False, verbosity=0)
    from curation import synonyms
    from curation.models import Pick, Synonym
    from curation.picks import picked_page_ids
    from curation.recording import record_search

    root = Page.get_first_root_node()
    Pick.objects.bulk_create(Pick(query=f"upit {n}", query_key=f"upit {n}", page=root) for n in range(50))
    for n in range(50):
        Synonym.objects.create(forms=f"oblik {n}\ndrugi oblik {n}")
    queries = [f"uslovni otpust {n % 40}" for n in range(args.runs)]  # repeats, as searches do
    figures = {
        "record_search": timed(lambda n: record_search(queries[n], "bs", n % 3), args.runs),
        "picked_page_ids": timed(lambda n: picked_page_ids(queries[n], "bs"), args.runs),  # cached per process
        "synonym_expansions": timed(lambda n: synonyms.expansions(queries[n], "bs"), args.runs),
    }
    for name, figure in figures.items():
        print(f"{name:20} p50 {figure['p50']:.3f} ms  p95 {figure['p95']:.3f} ms", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
