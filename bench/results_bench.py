"""Server time of the results page and its CSV files, warm, on the demo content plus `--records`
extra training records (the page's cost must not grow with them).

Not a timed test: it prints figures. A throwaway SQLite database in a temporary directory, no
service (as bench/news_bench.py).

    python bench/results_bench.py [--language sr] [--runs 50] [--records 1000]

Printed per address: median and p95 in milliseconds, and the number of SQL queries of one request.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import demo_site  # noqa: E402


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
            **{f"{chart}.csv": f"{page}{chart}.csv" for chart in ("trained", "practices", "versions", "publications")},
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="sr")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--records", type=int, default=0, help="extra training records beside the demo's")
    args = parser.parse_args()
    demo_site.start("results-bench")
    demo_site.load_demo()
    add_records(args.records)
    from django.test import Client

    client = Client()
    for label, url in pages(args.language).items():
        median, p95, queries = demo_site.measure(client, url, args.runs)
        print(f"{label} ({url}): median {median:.1f} ms, p95 {p95:.1f} ms, {queries} queries")


if __name__ == "__main__":
    main()
