"""Ranking trials on the database `bench/relevance.py` leaves behind: ours only, query-side changes.

    python bench/relevance_trials.py VARIANT [VARIANT ...]

Rebuilds our index over `portal_bench_relevance` once (run `bench/relevance.py` first), then
scores each variant of the typo-tolerant clause (`search.queries.typo_tolerant`) on both halves,
as `bench/relevance.py` scores ours. A variant is `name:key=value;key=value` of `multi_match`
settings, e.g. `cheap:prefix_length=2;max_expansions=10` (fields separated by `|`);
`kept` is the clause as committed, `none:off=1` no clause.
Choose on the tuning half; the held-out half only says whether a choice is kept
(docs/relevance.md). The last line is one JSON object.
"""

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.relevance import HALVES, QUERIES, grouped, mean, ours, score  # noqa: E402
from bench.stage import drop_indices, index_ours, start_django  # noqa: E402


def variant(spec):
    name, _, settings = spec.partition(":")
    parsed = {}
    for pair in filter(None, settings.split(";")):
        key, _, value = pair.partition("=")
        parsed[key] = int(value) if value.isdigit() else value.split("|") if key == "fields" else value
    return name, parsed


def scored(cases):
    results = {}
    for half in HALVES:
        part = [case for case in cases if case["half"] == half]
        scores = [(case, score(ours(case["q"], case["lang"]), case["grades"])) for case in part]
        results[half] = {m: round(mean([s[m] for _c, s in scores]), 3) for m in ("ndcg10", "mrr", "hit1", "hit5")}
        results[half]["languages"] = {
            language: round(mean([s["ndcg10"] for _c, s in group]), 3) for language, group in grouped(scores, "lang")
        }
    return results


def main():
    import os

    start_django(os.environ["DATABASE_URL"], os.environ["ELASTICSEARCH_URL"], prefix="portal-bench-trials")
    from search import queries

    cases = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    kept, results = queries.typo_tolerant, {}
    try:
        index_ours()
        for spec in sys.argv[1:]:
            name, settings = variant(spec)

            def typo_tolerant(text, settings=settings):
                if settings.get("off"):  # without the clause at all
                    return queries.Q("match_none")
                clause = kept(text)
                return clause.__class__(**{**clause.to_dict()["multi_match"], **settings})

            queries.typo_tolerant = typo_tolerant
            results[name] = scored(cases)
            print(name, json.dumps(results[name]), flush=True)
    finally:
        drop_indices()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
