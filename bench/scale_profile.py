"""Profile one page at scale: the scale bench's corpus, built once and kept, then one URL measured.

    DATABASE_URL=... ELASTICSEARCH_URL=... python bench/scale_profile.py /en/ [--admin] [--size 20000]
        [--explain 3] [--profile]

The first run builds the database `portal_bench_profile` (the demo content and `--size` synthetic
practices, as bench/scale_bench.py does: about 10 minutes at 20 000 on 2 cores) and keeps it, with
its search index under the prefix `portal-bench-profile`; later runs reuse it (`--rebuild` starts
afresh). Printed: the page's queries (count, the slowest, the most repeated shapes), the median
of 10 requests, and optionally the `--explain` slowest queries' EXPLAIN ANALYZE and a cProfile of
one request (`--profile`). How issue 19's pages were profiled: docs/performance.md, "Scale bench".
"""

import argparse
import collections
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.services import bench_database, log  # noqa: E402
from bench.stage import load_demo, start_django  # noqa: E402

DATABASE = "portal_bench_profile"
PREFIX = "portal-bench-profile"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--admin", action="store_true", help="as a superuser past the MFA")
    parser.add_argument("--size", type=int, default=20000, help="synthetic practices (default 20 000)")
    parser.add_argument("--explain", type=int, default=0, help="EXPLAIN ANALYZE the N slowest queries")
    parser.add_argument("--profile", action="store_true", help="cProfile one request")
    parser.add_argument("--rebuild", action="store_true", help="drop the kept database and build it again")
    parser.add_argument("--database", default=DATABASE, help=f"the kept database's name (default {DATABASE})")
    return parser.parse_args()


def kept_database(server_url, name, rebuild):
    """(URL of the kept database, whether it must be built)."""
    import psycopg

    parts = urlsplit(server_url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if exists and not rebuild:
        return urlunsplit(parts._replace(path=f"/{name}")), False
    return bench_database(server_url, name), True


def build(size):
    from bench import scale_bench

    log(f"building the database: the demo content and {size} synthetic practices (kept for later runs)")
    load_demo()
    scale_bench.collect_static()
    scale_bench.grow(0, size, seed=1)
    log(f"built; {scale_bench.rebuild_derived()}")


def captured(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")
    return context.captured_queries, len(response.content)


def explain(sql):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE) {sql}")  # values are inlined in captured SQL: no parameters
        return "\n".join(row[0] for row in cursor.fetchall())


def report(client, url, args):
    client.get(url)  # warm: caches, content types
    queries, size = captured(client, url)
    print(f"{url}: {len(queries)} queries, {size / 1024:.0f} KiB")
    slowest = sorted(queries, key=lambda query: -float(query["time"]))
    for query in slowest[:5]:
        print(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:200]}")
    for shape, count in collections.Counter(query["sql"][:120] for query in queries).most_common(5):
        print(f"  x{count}  {shape}")
    times = []
    for _ in range(10):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    print(f"median of 10: {statistics.median(times):.1f} ms")
    for query in [query for query in slowest if query["sql"].lstrip().upper().startswith("SELECT")][: args.explain]:
        print(f"\n{query['sql'][:1000]}\n{explain(query['sql'])}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(client.get, url)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main():
    args = arguments()
    if not (os.environ.get("DATABASE_URL") and os.environ.get("ELASTICSEARCH_URL")):
        sys.exit("pass DATABASE_URL and ELASTICSEARCH_URL (e.g. from scripts/postgres.sh and scripts/elasticsearch.sh)")
    database_url, must_build = kept_database(os.environ["DATABASE_URL"], args.database, args.rebuild)
    start_django(database_url, os.environ["ELASTICSEARCH_URL"], prefix=PREFIX)
    if must_build:
        build(args.size)
    from django.test import Client

    from bench.scale_bench import admin_client

    report(admin_client() if args.admin else Client(HTTP_HOST="localhost"), args.url, args)


if __name__ == "__main__":
    main()
