"""Generated inputs (Hypothesis, derandomized for CI): a few hundred here, 10 000+ in
bench/fuzz_bench.py. The properties are in bench/fuzzing.py."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings

from bench import fuzzing

pytestmark = pytest.mark.django_db

# Derandomized: the same inputs on every run, so that CI is repeatable; the bench explores.
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_search_api_page_and_autocomplete_take_any_parameter(search_index):
    findings = fuzzing.Findings()
    client = Client()

    @settings(FUZZ, max_examples=200)
    @given(fuzzing.search_targets())
    def request(target):
        fuzzing.check_request(client, findings, *target)

    request()
    assert findings.clean, (
        findings.summary(),
        findings.server_errors[:3],
        findings.reflections[:3],
        findings.degraded[:3],
    )


def test_import_parsers_refuse_any_file_with_row_errors():
    findings = fuzzing.Findings()

    @settings(FUZZ, max_examples=60)
    @given(fuzzing.json_files())
    def json_file(text):
        fuzzing.rolled_back(fuzzing.check_import, findings, text, ".json")

    @settings(FUZZ, max_examples=60)
    @given(fuzzing.csv_files())
    def csv_file(text):
        fuzzing.rolled_back(fuzzing.check_import, findings, text, ".csv")

    json_file()
    csv_file()
    assert findings.clean, (findings.summary(), findings.server_errors[:3])


def test_xliff_import_refuses_any_file_with_xliff_errors_and_publishes_no_markup():
    from practices.models import PracticePage
    from translations.xliff import export_xliff

    exported = export_xliff([PracticePage.objects.live().public().first()], "bs")
    findings = fuzzing.Findings()
    client = Client()

    @settings(FUZZ, max_examples=60)
    @given(fuzzing.xliff_files(exported))
    def xliff_file(data):
        fuzzing.rolled_back(fuzzing.check_xliff, client, findings, data)

    xliff_file()
    assert findings.clean, (findings.summary(), findings.server_errors[:3], findings.reflections[:3])
