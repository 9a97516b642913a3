"""Fuzzing bench: 10 000 and more generated inputs against the portal's inputs (bench/fuzzing.py).

    python bench/fuzz_bench.py [--inputs 10000] [--seed N]

Works in its own database (`portal_fuzz`, on the PostgreSQL of DATABASE_URL or a throwaway one)
with the demo content and its own index (prefix `portal-fuzz`) on the Elasticsearch node of
ELASTICSEARCH_URL (or a throwaway one), with DEBUG off. Inputs are shared out: 70 % search
requests (the API, the search page in every language, autocomplete), 10 % each JSON and CSV
files for `import_practices`, 10 % XLIFF files (imports are rolled back). Prints, per target and
in total: inputs tried (and accepted), server errors, unescaped reflections, degraded answers
caused by bad input; then up to three examples of each finding. Exit code 1 on any finding.
"""

import argparse
import logging
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.services import Services, log  # noqa: E402
from bench.stage import drop_indices, index_ours, load_demo, start_django  # noqa: E402

SHARES = {"search": 0.7, "import .json": 0.1, "import .csv": 0.1, "xliff": 0.1}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="generated inputs in all (default 10 000)")
    parser.add_argument("--seed", type=int, default=None, help="Hypothesis seed (default: random)")
    return parser.parse_args()


def run_targets(args):
    from django.test import Client
    from django.test.utils import setup_test_environment
    from hypothesis import seed

    from bench import fuzzing
    from practices.models import PracticePage
    from translations.xliff import export_xliff

    setup_test_environment()  # the test client's host and the rendered templates' context
    logging.getLogger("django.request").setLevel(logging.ERROR)  # a line per 400 otherwise
    client = Client()
    exported = export_xliff([PracticePage.objects.live().public().first()], "bs")
    targets = {
        "search": (fuzzing.search_targets(), lambda findings, target: fuzzing.check_request(client, findings, *target)),
        "import .json": (
            fuzzing.json_files(),
            lambda findings, text: fuzzing.rolled_back(fuzzing.check_import, findings, text, ".json"),
        ),
        "import .csv": (
            fuzzing.csv_files(),
            lambda findings, text: fuzzing.rolled_back(fuzzing.check_import, findings, text, ".csv"),
        ),
        "xliff": (
            fuzzing.xliff_files(exported),
            lambda findings, data: fuzzing.rolled_back(fuzzing.check_xliff, client, findings, data),
        ),
    }
    results = {}
    for name, (strategy, check) in targets.items():
        findings = fuzzing.Findings()
        budget = max(1, round(args.inputs * SHARES[name]))

        run = fuzz(strategy, check, findings, budget)
        if args.seed is not None:
            run = seed(args.seed)(run)
        started = time.perf_counter()
        run()
        log(f"{name}: {findings.summary()} in {time.perf_counter() - started:.0f} s")
        results[name] = findings
    return results


def collect_static():
    """The pages link hashed static names (DEBUG off): the manifest must exist."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def fuzz(strategy, check, findings, budget):
    """A Hypothesis test of `budget` inputs that records what `check` finds and never fails."""
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=budget, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value):
        check(findings, value)

    return run


def report(results):
    from bench.fuzzing import Findings

    total = Findings()
    for findings in results.values():
        total.tried += findings.tried
        total.accepted += findings.accepted
        total.server_errors += findings.server_errors
        total.reflections += findings.reflections
        total.degraded += findings.degraded
    for name, findings in results.items():
        print(f"{name:13} {findings.summary()}")
    print(f"{'total':13} {total.summary()}")
    for kind in ("server_errors", "reflections", "degraded"):
        for example in getattr(total, kind)[:3]:
            print(f"{kind}: {example!r:.600}")
    return total


def main():
    args = arguments()
    with Services(database="portal_fuzz") as (database_url, elasticsearch_url):
        start_django(database_url, elasticsearch_url, prefix="portal-fuzz")
        try:
            log("migrating, loading the demo content, building the index")
            load_demo()
            index_ours()
            collect_static()
            total = report(run_targets(args))
        finally:
            drop_indices()
    sys.exit(0 if total.clean else 1)


if __name__ == "__main__":
    main()
