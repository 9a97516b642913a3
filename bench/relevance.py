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


def evaluate(cases, verbose):
    scores = {"ours": defaultdict(list), "builtin": defaultdict(list)}
    for case in cases:
        for name, search in (("ours", ours), ("builtin", builtin)):
            top = search(case["q"], case["lang"])
            hit = any(slug in top for slug in case["expected"])
            scores[name][case["kind"]].append(hit)
            scores[name]["all"].append(hit)
            if verbose or (name == "ours" and not hit):
                print(f"  {name:8}{'hit ' if hit else 'MISS'} [{case['lang']}] {case['q']!r}: {top}")
    return scores


def rate(hits):
    return sum(hits) / len(hits) if hits else 0.0


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
    print(f"\nhit@{TOP} over {len(cases)} queries{'':14}{'ours':>8}{'built-in':>10}")
    for kind in scores["ours"]:
        print(f"  {kind:38}{rate(scores['ours'][kind]):8.2f}{rate(scores['builtin'][kind]):10.2f}  ({len(scores['ours'][kind])})")
    print(json.dumps({"queries": len(cases), "ours_hit_at_5": round(rate(scores["ours"]["all"]), 3),
                      "builtin_hit_at_5": round(rate(scores["builtin"]["all"]), 3)}))


if __name__ == "__main__":
    main()
