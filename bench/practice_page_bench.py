"""How long the server takes to answer a practice page, warm: p50 and p95 against a peer page.

Not a timed test: it prints figures. It works on a throwaway SQLite database with the demo
content in a temporary directory, and on a real Elasticsearch node (the page asks it for similar
practices), under its own index prefix, removed afterwards:

    python bench/practice_page_bench.py --elasticsearch http://127.0.0.1:9200 [--language sr] [--runs 300]

Server time is the time Django's test client takes for the whole request (middleware, the page's
queries, templates, the more-like-this search), without a socket. The peer is the home page, in
the same process and language, so the ratio holds across machines. Each figure is also given in
the process's CPU time, which a busy shared machine inflates far less than the wall time (a
request waits on nothing but SQLite and, when its cache is cold, Elasticsearch). Target: p95 of
the practice page at most 30 ms. The last line is JSON.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import demo_site  # noqa: E402


def timings(client, url, runs):
    """Wall and CPU seconds of each of `runs` warm requests."""
    for _ in range(20):  # warm: caches, connections, compiled templates
        assert client.get(url).status_code == 200, url
    seconds, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        assert response.status_code == 200, url
    return seconds, cpu


def percentiles(seconds, prefix=""):
    ordered = sorted(seconds)
    return {
        f"{prefix}p50_ms": round(statistics.median(ordered) * 1000, 2),
        f"{prefix}p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
    }


def summary(measured):
    seconds, cpu = measured
    return {**percentiles(seconds), **percentiles(cpu, "cpu_")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elasticsearch", default=os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200"))
    parser.add_argument("--language", default="en")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()

    demo_site.start("bench-practice", elasticsearch=args.elasticsearch)
    demo_site.load_demo(index=True)
    try:
        from django.test import Client
        from django.utils import translation

        from practices.models import PracticePage

        practice = PracticePage.objects.live().public().order_by("path").first()
        with translation.override(args.language):
            url = practice.get_url()
        peer = f"/{args.language}/"
        client = Client()
        page, home = summary(timings(client, url, args.runs)), summary(timings(client, peer, args.runs))
    finally:
        demo_site.remove_index()

    for name, figures in ((f"practice page {url}", page), (f"home page {peer} (peer)", home)):
        print(f"{name}: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms; ", end="")
        print(f"CPU time p50 {figures['cpu_p50_ms']} ms, p95 {figures['cpu_p95_ms']} ms ({args.runs} warm requests)")
    ratio = page["p95_ms"] / home["p95_ms"]
    print(f"ratio practice / home (p95): {ratio:.2f}")
    print(f"target p95 <= 30 ms: {'met' if page['p95_ms'] <= 30 else 'NOT met'} (wall time), ", end="")
    print(f"{'met' if page['cpu_p95_ms'] <= 30 else 'NOT met'} (CPU time)")
    print(json.dumps({"practice": page, "home": home, "ratio_p95": round(ratio, 2), "url": url, "runs": args.runs}))


if __name__ == "__main__":
    main()
