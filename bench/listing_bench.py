"""Listings and wagtail-modeltranslation's patches against the number of practices.

For each size it prints the median server time (Django's test client, in-process, DEBUG off) of
the practice listing served by the index (first, middle and a filtered page) and by the
database (the node down), a practice page, home, and of the modeltranslation patches that touch
many pages: a practice's URL (`get_url_parts`), saving, publishing and renaming the practice
index (its URL paths, per language, and its children's on a rename) and a practice. The last line is JSON.

    python bench/listing_bench.py [--sizes 0,3000] [--repeat 5]

DATABASE_URL and ELASTICSEARCH_URL name running services (else they are started, as
search_bench does); the bench builds its own database and index prefix there.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.services import Services, log  # noqa: E402
from bench.stage import load_demo, start_django, timed  # noqa: E402

CLOSED_PORT = "http://127.0.0.1:9"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,3000", help="synthetic practices added to the demo's (default 0,3000)")
    parser.add_argument("--repeat", type=int, default=5, help="requests per measure (default 5)")
    args = parser.parse_args()
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    return args


def median_ms(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def get(client, url):
    def request():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return request


def measures(repeat):
    from django.test import Client, override_settings
    from django.utils import translation

    from practices.models import PracticeIndexPage, PracticePage
    from search.client import _client

    client = Client(HTTP_HOST="127.0.0.1")
    index = PracticeIndexPage.objects.get()
    practice = PracticePage.objects.live().public().order_by("-pk").first()
    with translation.override("en"):
        listing, practice_url = index.url, practice.url
    count = PracticePage.objects.live().count()
    middle = max(1, count // 40)
    figures = {
        "listing, page 1": get(client, listing),
        "listing, middle page": get(client, f"{listing}?page={middle}"),
        "listing, ?beneficiary=AL": get(client, f"{listing}?beneficiary=AL"),
        "practice page": get(client, practice_url),
        "home": get(client, "/en/"),
        "get_url_parts of a practice": lambda: PracticePage.objects.get(pk=practice.pk).get_url_parts(),
        "practice save_revision().publish()": lambda: practice.save_revision().publish(),
        "practice index save() (URL paths)": lambda: PracticeIndexPage.objects.get().save(),
        "practice index publish": lambda: PracticeIndexPage.objects.get().save_revision().publish(),
    }
    timings = {name: median_ms(function, repeat) for name, function in figures.items()}
    _client.cache_clear()
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT):
        timings["listing from the database, page 1"] = median_ms(get(client, listing), repeat)
        timings["listing from the database, middle page"] = median_ms(get(client, f"{listing}?page={middle}"), repeat)
    _client.cache_clear()
    # A renamed section rewrites its descendants' URL paths in every language (the patch's
    # _update_descendant_url_paths): renamed and back, so the figure is twice one rename.
    timings["practice index renamed and back"] = median_ms(rename_index, repeat)
    return count, timings


def rename_index():
    from practices.models import PracticeIndexPage

    for suffix in ("-renamed", ""):
        page = PracticeIndexPage.objects.get()
        page.slug_en = page.slug_en.removesuffix("-renamed") + suffix
        page.save()


def main():
    args = arguments()
    with Services(database="portal_listing_bench") as (database_url, elasticsearch_url):
        start_django(database_url, elasticsearch_url, prefix="portal-listing-bench")
        from django.conf import settings

        settings.SEARCH_TIMEOUT = 60  # a rebuild's bulk requests on a busy machine; searches are quick
        from django.core.management import call_command

        from bench.corpus import create_pages
        from search.rebuild import rebuild

        log("migrating, loading the demo content, collecting static files")
        load_demo()
        call_command("collectstatic", "--noinput", verbosity=0)
        results, added = {}, 0
        for size in args.sizes:
            if size > added:
                log(f"adding {size - added} practices")
                create_pages(size - added, seed=size)
                added = size
            _, rebuild_s = timed(rebuild)
            log(f"  index rebuilt in {rebuild_s:.1f} s")
            count, timings = measures(args.repeat)
            results[count] = timings
            log(f"{count} live practices:")
            for name, ms in timings.items():
                log(f"  {name:45} {ms:8.1f} ms")
        smallest = results[min(results)]
        for count, timings in results.items():
            ratios = (f"{name} {ms} ms ({ms / smallest[name]:.2f}x)" for name, ms in timings.items())
            print(f"{count} practices: " + ", ".join(ratios))
        print(json.dumps({"median_ms": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
