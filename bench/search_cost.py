"""Where a search's time goes: round trips, Python against Elasticsearch, and each part of the query.

    python bench/search_cost.py [--pages 500] [--queries 300] [--repeat 3] [--profile]

On the synthetic corpus of search_bench.py (its own database and index prefix), in-process,
DEBUG off, as an anonymous visitor, for a sample of the same query mix:

1. **per API request**: Elasticsearch round trips and SQL queries (how many requests needed
   how many), wall time, time inside the Elasticsearch client, and the process's CPU time
   outside it (Python and the database driver: robust to other load on the machine);
2. **per part of the node's work**: the node's `took` for the search's first request as the
   API sends it, and for the same body with one part removed (the typo-tolerant clause, the
   "Did you mean" suggester, the aggregations, their cardinalities, the highlighting, the
   collapse) or changed (cheaper typo tolerance, docs/relevance.md), the variants taking turns
   query by query so that all see the same load (`--parts` chooses some);
3. with `--profile`, the functions of the API request that cost the most CPU (cProfile).

The last line is one JSON object. See docs/performance.md.
"""

import argparse
import copy
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.services import Services, log  # noqa: E402
from bench.stage import drop_indices, index_ours, load_demo, start_django  # noqa: E402

PREFIX = "portal-bench-cost"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="synthetic pages, each in 8 languages (default 500)")
    parser.add_argument("--queries", type=int, default=300, help="queries of the mix measured (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the queries (default 3)")
    parser.add_argument("--profile", action="store_true", help="print the API request's costliest functions")
    parser.add_argument("--parts", help="comma-separated parts to time (default: every one)")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


class Meter:
    """Counts and times the Elasticsearch client's requests (wall and CPU time inside it)."""

    def __init__(self, client):
        self.reset()
        transport, perform = client.transport, client.transport.perform_request

        def metered(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                answer = perform(*args, **kwargs)
                if isinstance(answer.body, dict):  # the node's own time: a search's or msearch's took
                    self.took += answer.body.get("took", 0)
                return answer
            finally:
                self.trips += 1
                self.wall += time.perf_counter() - wall
                self.cpu += time.process_time() - cpu

        transport.perform_request = metered

    def reset(self):
        self.trips, self.wall, self.cpu, self.took = 0, 0.0, 0.0, 0


def percentiles(values):
    ordered = sorted(values)
    if not ordered:
        return None
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2),
        "mean": round(statistics.fmean(ordered), 2),
    }


def per_request(queries, repeat, profile):
    """Round trips, SQL queries and times of the search API, request by request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from search.client import get_client

    client, meter = Client(HTTP_HOST="127.0.0.1"), Meter(get_client())
    rows, profiler = [], cProfile.Profile() if profile else None
    for query in queries[:20]:  # warm up: caches, connections
        client.get(f"/api/v1/search/?{query}")
    for _ in range(repeat):
        for query in queries:
            meter.reset()
            with CaptureQueriesContext(connection) as sql:
                wall, cpu = time.perf_counter(), time.process_time()
                if profiler:
                    profiler.enable()
                response = client.get(f"/api/v1/search/?{query}")
                if profiler:
                    profiler.disable()
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if response.status_code != 200 or response.json()["degraded"]:
                raise RuntimeError(f"{response.status_code} or degraded for {query}")
            rows.append((meter.trips, len(sql), wall * 1000, meter.wall * 1000, (cpu - meter.cpu) * 1000, meter.took))
    trips = {}
    for row in rows:
        trips[row[0]] = trips.get(row[0], 0) + 1
    summary = {
        "requests": len(rows),
        "round_trips": {str(count): trips[count] for count in sorted(trips)},
        "round_trips_mean": round(statistics.fmean(row[0] for row in rows), 3),
        "sql_mean": round(statistics.fmean(row[1] for row in rows), 2),
        "wall_ms": percentiles([row[2] for row in rows]),
        "es_client_ms": percentiles([row[3] for row in rows]),
        "es_took_ms": percentiles([row[5] for row in rows]),
        "es_client_beyond_took_ms": percentiles([row[3] - row[5] for row in rows]),
        "cpu_outside_es_ms": percentiles([row[4] for row in rows]),
    }
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    return summary


def without(part):
    """A function removing `part` from a search body (a dict), for the ablation."""

    def scoring(body):
        """The query's bool (inside the type boosts' function_score, if any) and its clauses
        split into (exact, typo-tolerant)."""
        query = body["query"]
        query = query.get("function_score", {}).get("query", query)["bool"]
        typo = [clause for clause in query["should"] if "fuzziness" in json.dumps(clause)]
        return query, [clause for clause in query["should"] if clause not in typo], typo

    def typo_clause(body):
        query, exact, _typo = scoring(body)
        query["should"] = exact

    def typo_scoring_only(body):
        # The typo-tolerant clause only adds to the score of what the exact clauses found.
        query, exact, typo = scoring(body)
        query["must"] = [{"bool": {"should": exact, "minimum_should_match": 1}}]
        query["should"] = typo
        query.pop("minimum_should_match", None)

    def clause(kind, always=True):
        # One of the exact clauses (search.queries.PageSearch.get_query), found by a piece of its
        # JSON. One that every query has (`always`) and is not found means the query changed
        # shape: the ablation stops rather than time the full query under the clause's name.
        def remove(body):
            query, exact, typo = scoring(body)
            kept = [c for c in exact if kind not in json.dumps(c)]
            if always and len(kept) == len(exact):
                raise ValueError(f"no clause {kind} in the query: search_cost.py's ablation is out of date")
            query["should"] = kept + typo

        return remove

    def typo_settings(**settings):
        def change(body):
            for clause in scoring(body)[2]:
                clause["multi_match"].update(settings)

        return change

    def cardinality(body):
        from search import grouping

        def strip(aggs):
            for name in [name for name in aggs if name.endswith(grouping.PARTS)]:
                del aggs[name]  # a facet's options counted among publications' documents
            for agg in aggs.values():
                agg.get("aggs", {}).pop("pages", None)
                agg.get("aggs", {}).pop("grouped", None)
                if not agg.get("aggs", True):
                    agg.pop("aggs")
                agg.get("terms", {}).pop("order", None)
                strip(agg.get("aggs", {}))

        strip(body.get("aggs", {}))

    def parts_per_facet(body):
        # The filter of the documents with parts that the facets share, split into one per
        # facet again (as before 2026-12-04, evening): what sharing it saves.
        from search import grouping

        def split(aggs):
            shared = aggs.pop(grouping.PARTS, None)
            if shared:
                for name, terms in shared["aggs"].items():
                    aggs[name + grouping.PARTS] = {"filter": shared["filter"], "aggs": {name: terms}}
            for agg in list(aggs.values()):
                split(agg.get("aggs", {}))

        split(body.get("aggs", {}))

    removers = {
        "full": lambda body: None,
        "typo_clause": typo_clause,
        "typo_scoring_only": typo_scoring_only,
        "suggester": lambda body: body.pop("suggest", None),
        "cross_fields": clause('"cross_fields"'),
        "best_fields": clause('"best_fields"'),
        "phrase": clause('"type": "phrase", "boost": 2'),
        "expansions": clause('"boost": 0.7', always=False),  # only queries with equivalents
        "aggregations": lambda body: body.pop("aggs", None),
        "highlight": lambda body: body.pop("highlight", None),
        "collapse": lambda body: body.pop("collapse", None),
        "cardinality": cardinality,
        "parts_per_facet": parts_per_facet,
        # Cheaper typo tolerance, for comparison (docs/relevance.md, trials 10 and 11).
        "typo_prefix2_expansions10": typo_settings(prefix_length=2, max_expansions=10),
        "typo_expansions10": typo_settings(max_expansions=10),
        "typo_expansions5": typo_settings(max_expansions=5),
        "highlight_field_match": lambda body: body.get("highlight", {}).update(require_field_match=True),
        "typo_top_terms_20": typo_settings(fuzzy_rewrite="top_terms_20"),
        "typo_top_terms_10": typo_settings(fuzzy_rewrite="top_terms_10"),
    }
    return removers[part]


def per_part(queries, repeat, chosen=None):
    """{part: took percentiles} of the first request's body without that part, taking turns."""
    from urllib.parse import parse_qsl

    from django.contrib.auth.models import AnonymousUser

    from search.client import get_client
    from search.documents import PageDocument
    from search.facets import facet_fields
    from search.params import access
    from search.queries import PageSearch, SearchRequest

    parts = (
        "full",
        "typo_clause",
        "typo_scoring_only",
        "suggester",
        "cross_fields",
        "best_fields",
        "phrase",
        "expansions",
        "aggregations",
        "cardinality",
        "parts_per_facet",
        "highlight",
        "collapse",
        "typo_prefix2_expansions10",
        "typo_expansions10",
        "typo_expansions5",
        "highlight_field_match",
        "typo_top_terms_20",
        "typo_top_terms_10",
    )
    parts = ("full", *(part for part in parts if part in chosen.split(","))) if chosen else parts
    facets, client = facet_fields(), get_client()
    levels, hidden = access(AnonymousUser())
    bodies = []
    for query in queries:
        params = dict(parse_qsl(query))
        request = SearchRequest(
            query=params["q"],
            language=params["lang"],
            filters={k: v for k, v in params.items() if k in facets},
            access=levels,
            hidden=hidden,
        )
        bodies.append(PageSearch(request).build().to_dict())
    took = {part: [] for part in parts}
    beyond = []  # the full body's wall time in the client less the node's took: transport, JSON
    for _ in range(repeat):
        for body in bodies:
            for part in parts:
                variant = copy.deepcopy(body)
                without(part)(variant)
                start = time.perf_counter()
                answer = client.search(index=PageDocument.alias(), body=variant)
                took[part].append(answer["took"])
                if part == "full":
                    beyond.append((time.perf_counter() - start) * 1000 - answer["took"])
    return {part: percentiles(values) for part, values in took.items()} | {"full_beyond_took_ms": percentiles(beyond)}


def main():
    args = arguments()
    with Services(database="portal_cost_bench") as (database_url, elasticsearch_url):
        start_django(database_url, elasticsearch_url, prefix=PREFIX)
        try:
            from bench.corpus import create_pages
            from bench.querymix import query_mix

            log("migrating, loading the demo content, creating the pages, building the index")
            load_demo()
            create_pages(args.pages, seed=args.seed)
            index_ours()
            queries = query_mix(args.seed, args.pages, args.queries)
            log(f"{len(queries)} queries x {args.repeat}: the API request by request")
            requests = per_request(queries, args.repeat, args.profile)
            log("the node's took per part of the first request")
            parts = per_part(queries, args.repeat, args.parts)
        finally:
            drop_indices()
    print(json.dumps(requests, indent=1))
    for part, figures in parts.items():
        print(f"took {part:28} {figures}")
    print(json.dumps({"requests": requests, "took_by_part": parts}))


if __name__ == "__main__":
    main()
