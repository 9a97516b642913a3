"""Search benchmark: our search (search/) against Wagtail's built-in Elasticsearch 8 backend.

    python bench/search_bench.py [--pages N] [--clients C] [--seconds S] [--warmup S]

Builds N synthetic pages x 8 languages (bench/corpus.py) in its own database, indexes them
with `search.rebuild.rebuild()` and with the built-in backend on the same node, serves both
through one gunicorn, warms each up on other queries, and sends both the same query mix at
1 client and at C clients.
The last line printed is one JSON object. See docs/performance.md.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.services import Services, log  # noqa: E402
from bench.stage import INDEX_PREFIX, drop_indices, index_builtin, index_ours, load_demo, start_django, timed  # noqa: E402

OURS, BUILTIN = "/api/v1/search/", "/bench/builtin-search/"
WARMUP_QUERIES = 300  # distinct queries of the warm-up, after the measured mix


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", type=int, default=20_000, help="synthetic pages, each in 8 languages (default 20000)"
    )
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients of the second run (default 20)")
    parser.add_argument("--seconds", type=float, default=30, help="seconds per run (default 30)")
    parser.add_argument("--queries", type=int, default=2000, help="distinct queries in the mix (default 2000)")
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers (default 2 x cores + 1)"
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=20,
        help="seconds each endpoint is sent other queries at C clients before the runs (default 20)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if args.pages < 1 or args.clients < 1 or args.seconds <= 0 or args.queries < 1 or args.warmup < 0:
        parser.error("--pages, --clients, --seconds and --queries must be positive, --warmup not negative")
    return args


def prepare(args):
    """Schema, demo content, the synthetic pages and both indices; returns timings."""
    from bench.corpus import create_pages

    log("migrating the bench database, loading the demo content")
    load_demo()
    log(f"creating {args.pages} pages x 8 languages")
    _ids, corpus_s = timed(
        create_pages, args.pages, seed=args.seed, progress=lambda n: log(f"  {n} pages") if n % 5000 == 0 else None
    )
    log(f"  created in {corpus_s:.1f} s; rebuilding our index")
    (_index, indexed), rebuild_s = timed(index_ours)
    log(f"  {indexed} pages in {rebuild_s:.1f} s; filling the built-in backend's index")
    _none, builtin_s = timed(index_builtin)
    log(f"  built-in index filled in {builtin_s:.1f} s")
    _none, settle_s = timed(settle)
    log(f"  node settled (no segment merges running) after {settle_s:.1f} s")
    return {
        "corpus_s": corpus_s,
        "rebuild_s": rebuild_s,
        "indexed": indexed,
        "builtin_index_s": builtin_s,
        "settle_s": settle_s,
    }


def settle(limit=180, poll=1.0):
    """Wait until the node merges no segments, so that no merge left by filling the indices
    takes CPU from the first measured run. A guard: on 2026-12-03 none was running (it
    returned after its two quiet readings, settle_s 3.0)."""
    from search.client import get_client

    client = get_client()
    deadline, quiet = time.monotonic() + limit, 0
    while quiet < 2 and time.monotonic() < deadline:
        nodes = client.nodes.stats(metric="indices", index_metric="merge")["nodes"].values()
        quiet = quiet + 1 if sum(node["indices"]["merges"]["current"] for node in nodes) == 0 else 0
        time.sleep(poll)


class Server:
    """One gunicorn serving both endpoints, the same way, for the whole bench."""

    def __init__(self, env, port, workers):
        self.env, self.port, self.workers = env, port, workers

    def __enter__(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--backlog",
            "2048",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=REPO, env={**os.environ, **self.env})
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}{BUILTIN}?q=x", timeout=5).read()
                return self
            except OSError:
                if self.process.poll() is not None:
                    sys.exit("bench: gunicorn exited at start")
                time.sleep(0.5)
        self.__exit__()
        sys.exit("bench: gunicorn did not answer within 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        return False


def check_ours(body, path):
    # Degraded means Elasticsearch did not answer in time and the database did: an error here.
    if body.get("degraded"):
        raise RuntimeError(f"degraded answer for {path}")
    if "facets" not in body:
        raise RuntimeError(f"no facets for {path}")


def check_builtin(body, path):
    if "results" not in body:
        raise RuntimeError(f"no results for {path}")


def search_stats(client, index):
    """(searches, milliseconds spent in query + fetch) so far on `index`, from the node's own counters."""
    stats = client.indices.stats(index=index, metric="search")["_all"]["primaries"]["search"]
    return stats["query_total"], stats["query_time_in_millis"] + stats["fetch_time_in_millis"]


def measure(args, queries, warmup):
    """Both endpoints at 1 client and at C clients; ES time per search from the node's counters.

    Each endpoint is first sent the `warmup` queries (not in the measured mix) at C clients:
    the node compiles its hot paths as it serves (JIT), and a search after 800 others took
    a fifth less than the first ones (`bench/search_cost.py` run twice over the same queries,
    docs/performance.md). A warm-up of 150 requests left the first endpoint measured, ours,
    on a colder node than the built-in after it. A production node is warm."""
    from bench.load import run
    from search.client import get_client

    client = get_client()
    indices = {OURS: f"{INDEX_PREFIX}-pages", BUILTIN: f"{INDEX_PREFIX}-builtin_*"}
    checks = {OURS: check_ours, BUILTIN: check_builtin}
    results = {}
    for endpoint in (OURS, BUILTIN):
        log(f"{endpoint} warmed up at {args.clients} client(s) for {args.warmup:g} s")
        run("127.0.0.1", args.port, endpoint, warmup, args.clients, args.warmup, checks[endpoint])
    for clients in (1, args.clients):
        for endpoint in (OURS, BUILTIN):
            before = search_stats(client, indices[endpoint])
            log(f"{endpoint} at {clients} client(s) for {args.seconds:g} s")
            outcome = run("127.0.0.1", args.port, endpoint, queries, clients, args.seconds, checks[endpoint])
            after = search_stats(client, indices[endpoint])
            searches = after[0] - before[0]
            summary = outcome.summary() | {"es_ms_per_search": (after[1] - before[1]) / searches if searches else None}
            summary["error_examples"] = outcome.error_examples
            results[(endpoint, clients)] = summary
    return results


def took_sample(queries, size=300):
    """ES `took` of our queries, replayed in-process on a sample (both searches when the fuzzy fallback runs)."""
    from urllib.parse import parse_qsl

    from search.client import UNAVAILABLE
    from search.facets import facet_fields
    from search.queries import PageSearch, SearchRequest

    facets = facet_fields()
    tooks, failed = [], 0
    for query in queries[:size]:
        params = dict(parse_qsl(query))
        request = SearchRequest(
            query=params["q"], language=params["lang"], filters={k: v for k, v in params.items() if k in facets}
        )
        search = PageSearch(request)
        try:
            response = search.build().execute()
            took = response.took
            if response.hits.total.value == 0:
                took += search.build(fuzzy=True).execute().took
        except UNAVAILABLE:
            failed += 1
            continue
        tooks.append(took)
    tooks.sort()
    if not tooks:
        return {"took_p50_ms": None, "took_p95_ms": None, "took_failed": failed}
    return {"took_p50_ms": tooks[len(tooks) // 2], "took_p95_ms": tooks[int(len(tooks) * 0.95)], "took_failed": failed}


def report(args, timings, results, took):
    def ms(value):
        return "-" if value is None else f"{value:8.1f}"

    print(
        f"\npages: {args.pages} x 8 languages ({timings['indexed']} indexed), "
        f"clients: {args.clients}, {args.seconds:g} s per run"
    )
    print(
        f"corpus created in {timings['corpus_s']:.1f} s; rebuild (ours, alias swap) {timings['rebuild_s']:.1f} s; "
        f"built-in update_index {timings['builtin_index_s']:.1f} s"
    )
    print(f"{'':24}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'req/s':>9}{'errors':>8}{'ES ms/search':>14}")
    for (endpoint, clients), r in results.items():
        name = f"{'ours' if endpoint == OURS else 'built-in'} @ {clients}"
        print(
            f"{name:24}{ms(r['p50_ms'])} {ms(r['p95_ms'])} {ms(r['p99_ms'])} {r['qps']:8.1f} {r['errors']:7d} "
            f"{ms(r['es_ms_per_search']):>13}"
        )
        for example in r["error_examples"]:
            print(f"    error: {example}")
    failed = took["took_failed"]
    print(
        f"our ES took (in-process replay of 300 queries): p50 {took['took_p50_ms']} ms, p95 {took['took_p95_ms']} ms"
        f"{f', {failed} timed out' if failed else ''}"
    )
    ours_1, builtin_1 = results[(OURS, 1)], results[(BUILTIN, 1)]
    ours_c, builtin_c = results[(OURS, args.clients)], results[(BUILTIN, args.clients)]
    ratio = ours_c["qps"] / builtin_c["qps"] if builtin_c["qps"] else None
    p95_ratio = ours_1["p95_ms"] / builtin_1["p95_ms"] if ours_1["p95_ms"] and builtin_1["p95_ms"] else None
    print(
        f"ours/built-in: throughput at {args.clients} clients x{ratio:.2f}, p95 at 1 client x{p95_ratio:.2f}"
        if ratio and p95_ratio
        else ""
    )
    summary = {
        "pages": args.pages,
        "clients": args.clients,
        "seconds": args.seconds,
        "queries": args.queries,
        "ours_p50_ms_1": ours_1["p50_ms"],
        "ours_p95_ms_1": ours_1["p95_ms"],
        "ours_p99_ms_1": ours_1["p99_ms"],
        "builtin_p95_ms_1": builtin_1["p95_ms"],
        "ours_p95_ms": ours_c["p95_ms"],
        "ours_p99_ms": ours_c["p99_ms"],
        "builtin_p95_ms": builtin_c["p95_ms"],
        "ours_qps_1": ours_1["qps"],
        "builtin_qps_1": builtin_1["qps"],
        "ours_qps": ours_c["qps"],
        "builtin_qps": builtin_c["qps"],
        "throughput_ratio": ratio,
        "p95_ratio_1": p95_ratio,
        "took_p50_ms": took["took_p50_ms"],
        "took_p95_ms": took["took_p95_ms"],
        "ours_es_ms_per_search": ours_c["es_ms_per_search"],
        "builtin_es_ms_per_search": builtin_c["es_ms_per_search"],
        "rebuild_s": timings["rebuild_s"],
        "builtin_index_s": timings["builtin_index_s"],
        "settle_s": round(timings["settle_s"], 1),
        "warmup_s": args.warmup,
        "errors": sum(r["errors"] for r in results.values()) + took["took_failed"],
        "ours_errors": ours_1["errors"] + ours_c["errors"],
        "builtin_errors": builtin_1["errors"] + builtin_c["errors"],
    }
    print(json.dumps({key: round(value, 2) if isinstance(value, float) else value for key, value in summary.items()}))


def main():
    args = arguments()
    with Services() as (database_url, elasticsearch_url):
        env = start_django(database_url, elasticsearch_url)
        try:
            timings = prepare(args)
            from bench.querymix import query_mix

            queries = query_mix(args.seed, args.pages, args.queries + WARMUP_QUERIES)
            with Server(env, args.port, args.workers):
                results = measure(args, queries[: args.queries], queries[args.queries :])
            took = took_sample(queries)
        finally:
            drop_indices()
    report(args, timings, results, took)


if __name__ == "__main__":
    main()
