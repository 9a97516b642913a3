"""Server time of the pages that list news: the home page, the news listing (filtered and not),
a Beneficiary's page and the Atom feed, warm (after a first request), on the demo content.

Not a timed test: it prints figures. A throwaway SQLite database in a temporary directory, no
service (as bench/pdf_bench.py).

    python bench/news_bench.py [--language sr] [--runs 50]

Printed per page: median and p95 in milliseconds, and the number of SQL queries of one request.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import demo_site  # noqa: E402


def pages(language):
    from django.utils import translation

    from home.models import BeneficiaryPage, HomePage
    from news.models import NewsIndexPage

    with translation.override(language):
        news = NewsIndexPage.objects.get().get_url()
        return {
            "home page": HomePage.objects.get().get_url(),
            "news listing": news,
            "news listing, Beneficiary and year": news + "?beneficiary=AL&year=2025",
            "Beneficiary page": BeneficiaryPage.objects.get(beneficiary__code="MK").get_url(),
            "Atom feed": news + "feed/",
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="sr")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    demo_site.start("news-bench")
    demo_site.load_demo()
    from django.test import Client

    client = Client()
    for label, url in pages(args.language).items():
        median, p95, queries = demo_site.measure(client, url, args.runs)
        print(f"{label} ({url}): median {median:.1f} ms, p95 {p95:.1f} ms, {queries} queries")


if __name__ == "__main__":
    main()
