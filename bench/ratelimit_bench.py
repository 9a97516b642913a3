"""What a rate-limit check costs per API request (ratelimits/windows.py), counted in the database.

Not a timed test: it prints figures. It counts in the `ratelimit` cache of the database that
DATABASE_URL names (PostgreSQL, as in production; `make test`'s throwaway cluster will do), creating
its table if needed; its counters expire on their own after a minute.

    DATABASE_URL=postgres://... python bench/ratelimit_bench.py [--requests 500]

Printed: the median and 95th-percentile time of one check (a cache get and set), for one client
and for requests spread over many clients.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "1")


def timings(requests, clients):
    from ratelimits.windows import Rate, seconds_to_wait

    never_reached = Rate(10**9, 60)
    spent = []
    for n in range(requests):
        start = time.perf_counter()
        seconds_to_wait("bench", f"198.51.100.{n % clients}", never_reached)
        spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(spent), statistics.quantiles(spent, n=20)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()

    import django
    from django.core.management import call_command

    django.setup()
    call_command("createcachetable", verbosity=0)
    for clients in (1, 200):
        median, p95 = timings(args.requests, clients)
        print(f"{clients:>4} client(s): median {median:.2f} ms, p95 {p95:.2f} ms per check ({args.requests} requests)")


if __name__ == "__main__":
    main()
