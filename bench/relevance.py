"""Graded relevance of our search and of Wagtail's built-in Elasticsearch 8 backend.

    python bench/relevance.py [--verbose]

Queries and judgments: bench/relevance_set/queries.json, over the demo content and the records
of bench/relevance_set/records.json (created as practice pages beside it). Both backends run
in-process, as an anonymous visitor, on a bench database holding only that content.

Reports nDCG@10 (gains 2^grade - 1), MRR, hit@1 and hit@5 (of the first record graded 3) for
ours and the built-in, for the tuning and the held-out half separately, by language and by kind
of query. Misses are listed for the tuning half only: nothing is tuned on the held-out half.
The last line printed is one JSON object.
"""

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.services import Services, log  # noqa: E402
from bench.stage import drop_indices, index_builtin, index_ours, load_demo, start_django  # noqa: E402

QUERIES = REPO / "bench" / "relevance_set" / "queries.json"
DEPTH = 10
HALVES = ("tuning", "held-out")
BACKENDS = ("ours", "builtin")
MEASURES = ("ndcg10", "mrr", "hit1", "hit5")


def ours(query, language):
    from search.queries import PageSearch, SearchRequest

    found = PageSearch(SearchRequest(query=query, language=language, page_size=DEPTH)).execute()
    return [item["slug"] for item in found.results]


def builtin(query, language):
    from wagtail.models import Page

    from bench.views import builtin_hits

    hits = list(builtin_hits(query)[:DEPTH])
    specific = Page.objects.filter(pk__in=[page.pk for page in hits]).specific().in_bulk()
    return [getattr(specific[page.pk], "record_slug", None) or page.slug for page in hits]


def first_rank(top, grades):
    """1-based rank of the first record graded 3 in `top`, or None."""
    return next((i for i, slug in enumerate(top, 1) if grades.get(slug) == 3), None)


def ndcg(top, grades):
    gains = [2 ** grades.get(slug, 0) - 1 for slug in top[:DEPTH]]
    ideal = sorted((2**grade - 1 for grade in grades.values()), reverse=True)[:DEPTH]
    dcg = sum(gain / math.log2(i + 2) for i, gain in enumerate(gains))
    best = sum(gain / math.log2(i + 2) for i, gain in enumerate(ideal))
    return dcg / best if best else 0.0


def score(top, grades):
    rank = first_rank(top, grades)
    return {
        "ndcg10": ndcg(top, grades),
        "mrr": 1 / rank if rank else 0.0,
        "hit1": float(rank == 1),
        "hit5": float(bool(rank) and rank <= 5),
    }


def evaluate(cases, verbose):
    """[(case, {backend: scores})]; prints the tuning half's misses (ours not first)."""
    scored = []
    for case in cases:
        by_backend = {}
        for name, search in (("ours", ours), ("builtin", builtin)):
            top = search(case["q"], case["lang"])
            by_backend[name] = score(top, case["grades"])
            shown = verbose or (name == "ours" and by_backend[name]["hit1"] < 1 and case["half"] == "tuning")
            if shown:
                rank = first_rank(top, case["grades"])
                print(f"  {name:8}{f'rank {rank}' if rank else 'MISS  '} [{case['lang']}] {case['q']!r}: {top[:5]}")
        scored.append((case, by_backend))
    return scored


def mean(values):
    return sum(values) / len(values) if values else 0.0


def summary(scored):
    """{backend: {measure: mean}} over `scored`."""
    return {name: {m: mean([s[name][m] for _case, s in scored]) for m in MEASURES} for name in BACKENDS}


def table(title, groups):
    print(f"\n{title:28}{'nDCG@10':>16}{'MRR':>14}{'hit@1':>14}{'hit@5':>14}")
    print(f"{'':28}" + "    ours built-in" * 4)
    for label, scored in groups:
        s = summary(scored)
        cells = "".join(f"{s['ours'][m]:8.2f}{s['builtin'][m]:9.2f}" for m in MEASURES)
        print(f"  {f'{label} ({len(scored)})':26}{cells}")


def grouped(scored, key):
    groups = defaultdict(list)
    for case, s in scored:
        groups[case[key]].append((case, s))
    return sorted(groups.items())


def report(scored):
    results = {}
    for half in HALVES:
        part = [(case, s) for case, s in scored if case["half"] == half]
        table(f"{half}: by language", [*grouped(part, "lang"), ("all", part)])
        table(f"{half}: by kind", grouped(part, "kind"))
        results[half] = {
            "queries": len(part),
            **{name: {m: round(v, 3) for m, v in values.items()} for name, values in summary(part).items()},
            "languages": {
                language: {name: round(values["ndcg10"], 3) for name, values in summary(cases).items()}
                for language, cases in grouped(part, "lang")
            },
        }
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every query's top 5 for both")
    args = parser.parse_args()
    cases = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    with Services(database="portal_bench_relevance") as (database_url, elasticsearch_url):
        start_django(database_url, elasticsearch_url, prefix="portal-bench-relevance")
        try:
            from bench.records import create_records

            log("loading the demo content and the relevance set's records, indexing them for both")
            load_demo()
            create_records()
            index_ours()
            index_builtin()
            scored = evaluate(cases, args.verbose)
        finally:
            drop_indices()
    print(json.dumps(report(scored)))


if __name__ == "__main__":
    main()
