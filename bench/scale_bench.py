"""Scale bench: does each page cost the same at 20 000 practices as at the demo's 14?

    python bench/scale_bench.py [--sizes 0,2000,20000] [--runs 10]

In its own database (bench/services.py: the PostgreSQL and Elasticsearch given by DATABASE_URL and
ELASTICSEARCH_URL, or throwaway ones), with the demo content, then for each size in ascending
order: synthetic practices are added in bulk (bench/corpus.py) until there are that many besides
the demo's, the search index and the stored translation status are rebuilt (build times printed), the node
is warmed up (300 searches of the search bench's mix, the same at every size), and every page
below is requested in-process (Django test client, DEBUG off): one warm-up request,
then `--runs` timed ones. Printed per page and size: median and p95 server time, and the ratio of
the median to the page's median at the smallest size. The last line is one JSON object.

Pages: home, a demo practice, the demo guide, each listing (every live `*IndexPage`: its first
page, and `?page=N` in the middle of its children at 20 a page), the search page, the search API,
autocomplete, a practice's PDF (cached: the warm-up renders it), and in the admin (a superuser,
past the MFA) the dashboard, the explorer of the practice index, the admin page search and the
translation report. Goal (issue 19): no page above 1.5x its time at the smallest size.
"""

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.services import Services, log  # noqa: E402
from bench.stage import drop_indices, load_demo, start_django, timed  # noqa: E402

PER_PAGE = 20  # the listings' page size (issue 19)
GOAL = 1.5
SLOW_S = 3
WARMUP_SEARCHES = 300
WARMUP_PAGES = 20_000  # the synthetic pages the warm-up queries are drawn from (bench/querymix.py)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,2000,20000", help="synthetic practices per step (default 0,2000,20000)")
    parser.add_argument("--runs", type=int, default=10, help="timed requests per page and size (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    try:
        args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    except ValueError:
        parser.error("--sizes takes comma-separated numbers, e.g. 0,2000,20000")
    if args.sizes[0] < 0 or args.runs < 2:
        parser.error("sizes must be >= 0 and --runs at least 2")
    return args


def grow(current, target, seed):
    """Add synthetic practices numbered current..target-1 (bulk, as bench/corpus.py does)."""
    from django.db import connection, transaction

    from bench.corpus import PageBuilder

    if target <= current:
        return
    with transaction.atomic():
        builder = PageBuilder(seed)
        for start in range(current, target, 1000):
            admin_index(builder.create(range(start, min(start + 1000, target))))
        builder.finish()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def admin_index(ids):
    """Put bulk-created practices into the admin's search index (Wagtail's database backend), as
    publishing them would: the admin search is timed over every practice, not over the demo's.
    In bulk (bench/admin_index.py): Wagtail's own `add_items` took 0.1-0.24 s a practice."""
    from bench.admin_index import add_items
    from practices.models import PracticePage

    add_items(PracticePage, PracticePage.objects.filter(pk__in=ids))


def collect_static():
    """The pages link hashed static files (DEBUG off): their manifest must exist."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def rebuild_derived():
    """The search index and the stored translation status over the new content; their times."""
    from django.test import override_settings

    from search.rebuild import rebuild as rebuild_index
    from translations.stored import rebuild as rebuild_status

    with override_settings(SEARCH_TIMEOUT=300):  # a bulk request to a busy node, not a visitor's search
        _indexed, index_s = timed(rebuild_index)
    _rows, status_s = timed(rebuild_status)
    return {"index_s": round(index_s, 1), "status_s": round(status_s, 1)}


def admin_client():
    """A test client logged in as a superuser who has passed the admin's MFA (as conftest.py does)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.filter(username="bench-admin").first()
    user = user or get_user_model().objects.create_superuser("bench-admin", password=None)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def listings():
    """(name, URL, live children) of every listing page: the live pages of an `*IndexPage` type."""
    from django.utils import translation
    from wagtail.models import Page

    found = []
    with translation.override("en"):
        for page in Page.objects.live().specific().order_by("path"):
            if type(page).__name__.endswith("IndexPage"):
                name = type(page).__name__.removesuffix("IndexPage").lower()
                found.append((name, page.get_url(), page.get_children().live().count()))
    return found


def pages():
    """{name: (client kind, URL)} of what is timed, from the content as it is now."""
    from django.utils import translation

    from practices.models import GuidePage, PracticeIndexPage, PracticePage

    with translation.override("en"):
        practice = PracticePage.objects.live().filter(record_slug="al-returnees-women-children").first()
        practice = practice or PracticePage.objects.live().order_by("pk").first()
        guide = GuidePage.objects.live().order_by("pk").first()
        urls = {"home": ("public", "/en/"), "practice": ("public", practice.get_url())}
        if guide:
            urls["guide"] = ("public", guide.get_url())
        for name, url, children in listings():
            urls[f"listing {name}"] = ("public", url)
            middle = max(1, math.ceil(math.ceil(children / PER_PAGE) / 2))
            if middle > 1:
                urls[f"listing {name} p{middle}"] = ("public", f"{url}?page={middle}")
        urls |= {
            "search page": ("public", "/en/search/?q=resocijalizacija"),
            "search API": ("public", "/api/v1/search/?q=reintegration&lang=en"),
            "autocomplete": ("public", "/api/v1/autocomplete/?q=rehab&lang=en"),
            # The two above show more results at 20 000 practices than in the demo (7 and 1
            # against 20 and 10); these two show as many at every size (a full page of 10
            # results, a full list of suggestions), so their ratios are the corpus's alone.
            "search API, full page": ("public", "/api/v1/search/?q=prison&lang=en&page_size=10"),
            "autocomplete, full list": ("public", "/api/v1/autocomplete/?q=pri&lang=en"),
            "PDF (cached)": ("public", practice.get_url() + "pdf/"),
            "admin dashboard": ("admin", "/admin/"),
            "admin explorer": ("admin", f"/admin/pages/{PracticeIndexPage.objects.get().pk}/"),
            "admin search": ("admin", "/admin/pages/search/?q=prison"),
            "translation report": ("admin", "/admin/translations/"),
        }
    return urls


def time_page(client, url, runs):
    """Server times in ms of `runs` requests after a warm-up one (3 at most when the warm-up took
    over 3 s: the median of a page that slow says enough); the last response's size."""
    started = time.perf_counter()
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    if time.perf_counter() - started > SLOW_S:
        runs = min(runs, 3)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    size = len(response.content) if not response.streaming else 0
    return times, size


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def warm_node(seed):
    """Sends the search API `WARMUP_SEARCHES` queries of the search bench's mix (the same ones
    at every size) before a size is measured. The node compiles its hot paths as it serves
    (JIT), and a search after 800 others took a fifth less than the first ones
    (docs/performance.md): measured cold, the smallest size's searches were slower than a
    warm node's, and every ratio to them smaller."""
    from django.test import Client

    from bench.querymix import query_mix

    client = Client(HTTP_HOST="localhost")
    for query in query_mix(seed + 1, WARMUP_PAGES, WARMUP_SEARCHES):
        client.get(f"/api/v1/search/?{query}")


def measure(runs):
    from django.test import Client

    clients = {"public": Client(HTTP_HOST="localhost"), "admin": admin_client()}
    results = {}
    for name, (kind, url) in pages().items():
        times, size = time_page(clients[kind], url, runs)
        results[name] = {"median_ms": statistics.median(times), "p95_ms": p95(times), "kib": size / 1024}
        log(f"  {name}: median {results[name]['median_ms']:.1f} ms")
    return results


def report(sizes, builds, measured):
    """The table per size with ratios to the smallest size, then the JSON line."""
    base = measured[sizes[0]]
    summary = {"sizes": sizes, "builds": builds, "pages": {}, "worst_ratio": None, "goal": GOAL}
    worst = 0.0
    for size in sizes:
        build = builds[size]
        print(
            f"\n{size} synthetic practices (+ demo): built in {build['build_s']} s, "
            f"index {build['index_s']} s, translation status {build['status_s']} s"
        )
        print(f"{'page':32}{'median ms':>10}{'p95 ms':>9}{'KiB':>9}{'ratio':>7}")
        for name, result in measured[size].items():
            ratio = result["median_ms"] / base[name]["median_ms"] if name in base else None
            if ratio is not None and size != sizes[0]:
                worst = max(worst, ratio)
            flag = "  !" if ratio and ratio > GOAL else ""
            ratio_text = f"{ratio:6.2f}" if ratio is not None else "     -"
            print(f"{name:32}{result['median_ms']:10.1f}{result['p95_ms']:9.1f}{result['kib']:9.0f} {ratio_text}{flag}")
            summary["pages"].setdefault(name, {})[str(size)] = {
                "median_ms": round(result["median_ms"], 1),
                "p95_ms": round(result["p95_ms"], 1),
                "ratio": round(ratio, 2) if ratio is not None else None,
            }
    summary["worst_ratio"] = round(worst, 2) if len(sizes) > 1 else None
    print(json.dumps(summary))


def main():
    args = arguments()
    builds, measured = {}, {}
    with Services() as (database_url, elasticsearch_url):
        start_django(database_url, elasticsearch_url)
        try:
            log("migrating the bench database, loading the demo content, collecting static files")
            load_demo()
            collect_static()
            current = 0
            for size in args.sizes:
                log(f"growing to {size} synthetic practices")
                _none, build_s = timed(grow, current, size, args.seed)
                current = max(current, size)
                builds[size] = {"build_s": round(build_s, 1), **rebuild_derived()}
                log(f"  built in {build_s:.1f} s; {builds[size]}; warming the node up, measuring")
                warm_node(args.seed)
                measured[size] = measure(args.runs)
        finally:
            drop_indices()
    report(args.sizes, builds, measured)


if __name__ == "__main__":
    main()
