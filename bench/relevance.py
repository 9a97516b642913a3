"""hit@5 of our search and of Wagtail's built-in Elasticsearch 8 backend over the demo content.

    python bench/relevance.py [--verbose]

Queries and expected pages: bench/relevance.json. Both run in-process, as an anonymous visitor,
on a bench database holding only the demo content. The last line printed is one JSON object.
"""

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.services import Services, log  # noqa: E402
from bench.stage import drop_indices, index_builtin, index_ours, load_demo, start_django  # noqa: E402

TOP = 5


def ours(query, language):
    from search.queries import PageSearch, SearchRequest

    found = PageSearch(SearchRequest(query=query, language=language, page_size=TOP)).execute()
    return [item["slug"] for item in found.results]


def builtin(query, language):
    from wagtail.models import Page

    from bench.views import builtin_hits

    hits = list(builtin_hits(query)[:TOP])
    specific = Page.objects.filter(pk__in=[page.pk for page in hits]).specific().in_bulk()
    return [getattr(specific[page.pk], "record_slug", None) or page.slug for page in hits]


def rank(top, expected):
    """1-based rank of the first expected page in `top`, or None."""
    return next((i for i, slug in enumerate(top, 1) if slug in expected), None)


def evaluate(cases, verbose):
    """{backend: {kind: [rank or None, ...]}}, with every query also under "all"."""
    ranks = {"ours": defaultdict(list), "builtin": defaultdict(list)}
    for case in cases:
        for name, search in (("ours", ours), ("builtin", builtin)):
            top = search(case["q"], case["lang"])
            found = rank(top, case["expected"])
            ranks[name][case["kind"]].append(found)
            ranks[name]["all"].append(found)
            if verbose or (name == "ours" and not found):
                print(f"  {name:8}{f'rank {found}' if found else 'MISS  '} [{case['lang']}] {case['q']!r}: {top}")
    return ranks


def hit_at(ranks, k):
    return sum(1 for r in ranks if r and r <= k) / len(ranks) if ranks else 0.0


def mrr(ranks):
    return sum(1 / r for r in ranks if r) / len(ranks) if ranks else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every query's top 5 for both")
    args = parser.parse_args()
    cases = json.loads((REPO / "bench" / "relevance.json").read_text(encoding="utf-8"))["queries"]
    with Services(database="portal_bench_relevance") as (database_url, elasticsearch_url):
        start_django(database_url, elasticsearch_url, prefix="portal-bench-relevance")
        try:
            log("loading the demo content and indexing it for both")
            load_demo()
            index_ours()
            index_builtin()
            scores = evaluate(cases, args.verbose)
        finally:
            drop_indices()
    ours_ranks, builtin_ranks = scores["ours"], scores["builtin"]
    kinds = [kind for kind in ours_ranks if kind != "all"] + ["all"]
    print(
        f"\n{len(cases)} queries{'':21}{'hit@5 ours':>11}{'built-in':>9}"
        f"{'hit@1 ours':>11}{'built-in':>9}{'MRR ours':>9}{'built-in':>9}"
    )
    for kind in kinds:
        o, b = ours_ranks[kind], builtin_ranks[kind]
        print(
            f"  {f'{kind} ({len(o)})':26}{hit_at(o, TOP):11.2f}{hit_at(b, TOP):9.2f}"
            f"{hit_at(o, 1):11.2f}{hit_at(b, 1):9.2f}{mrr(o):9.2f}{mrr(b):9.2f}"
        )
    o, b = ours_ranks["all"], builtin_ranks["all"]
    print(
        json.dumps(
            {
                "queries": len(cases),
                "ours_hit_at_5": round(hit_at(o, TOP), 3),
                "builtin_hit_at_5": round(hit_at(b, TOP), 3),
                "ours_hit_at_1": round(hit_at(o, 1), 3),
                "builtin_hit_at_1": round(hit_at(b, 1), 3),
                "ours_mrr": round(mrr(o), 3),
                "builtin_mrr": round(mrr(b), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
