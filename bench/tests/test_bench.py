"""The bench's parts: its synthetic pages are real live pages, its query mix is what it claims."""

import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from django.conf import settings

from bench.corpus import create_pages, page_texts
from bench.querymix import query_mix
from languages.codes import LANGUAGE_CODES
from search.tests.api import api, slugs

DEMO = Path(settings.BASE_DIR) / "demo" / "data"


@pytest.fixture
def synthetic_index(es_client, db):
    """Thirty synthetic pages, then our index rebuilt over them and the demo content."""
    from search.rebuild import rebuild

    ids = create_pages(30, seed=7)
    rebuild()
    yield ids
    es_client.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)


def test_synthetic_pages_are_live_pages_served_and_found_in_every_language(client, synthetic_index):
    from practices.models import PracticePage

    pages = PracticePage.objects.filter(pk__in=synthetic_index)
    assert pages.live().public().count() == 30
    page = pages.get(record_slug="bench-practice-3")
    assert client.get(page.url).status_code == 200
    texts = page_texts(7, 3)
    for language in ("sr", "mk", "sq", "hr"):
        # The two longest title words in that language find the page through the API. (Not the
        # first two: the words are drawn from the demo texts, and two short ones may both be
        # stopwords of the language's analysis, which leaves nothing to search for.)
        title = sorted(texts[language]["title"].lower().split(), key=len, reverse=True)[:2]
        found = api(client, q=" ".join(title), lang=language, page_size=50)
        assert "bench-practice-3" in slugs(found), (language, title)


def test_query_mix_is_distinct_and_varied():
    mix = [dict(parse_qsl(query)) for query in query_mix(1, 20_000, 2000)]
    texts = [params["q"] for params in mix]
    assert len(set(map(tuple, (sorted(p.items()) for p in mix)))) == 2000
    assert all(1 <= len(text.split()) <= 4 for text in texts)
    assert sum(bool(re.search("[а-яѓќѕђћџљњ]", text)) for text in texts) > 100  # Cyrillic
    assert sum(bool(re.search("[čćšžđë]", text)) for text in texts) > 100  # Latin with diacritics
    assert sum(text.isascii() for text in texts) > 300  # typed without diacritics
    assert sum(len(params) > 2 for params in mix) > 150  # with a filter
    assert {params["lang"] for params in mix} == set(LANGUAGE_CODES)


def test_relevance_set_is_graded_over_its_records_and_public_demo_pages_in_both_halves():
    folder = Path(__file__).resolve().parent.parent / "relevance_set"
    records = json.loads((folder / "records.json").read_text(encoding="utf-8"))["records"]
    cases = json.loads((folder / "queries.json").read_text(encoding="utf-8"))["queries"]
    demo = {
        name: json.loads((DEMO / name).read_text(encoding="utf-8"))
        for name in ("practices.json", "guide.json", "screening.json")
    }
    public = {p["slug"] for p in demo["practices.json"]["practices"] if not p.get("restricted")}
    public |= {demo["guide.json"]["slug"], demo["screening.json"]["slug"]}
    slugs = [record["slug"] for record in records]
    assert len(set(slugs)) == len(slugs) >= 150 and not set(slugs) & public
    assert {record["lang"] for record in records} == set(LANGUAGE_CODES)
    assert len(cases) >= 200
    for case in cases:
        assert case["lang"] in LANGUAGE_CODES and case["half"] in ("tuning", "held-out"), case
        assert set(case["grades"]) <= set(slugs) | public, case
        assert set(case["grades"].values()) <= {0, 1, 2, 3} and 3 in case["grades"].values(), case
    for half in ("tuning", "held-out"):
        assert {case["lang"] for case in cases if case["half"] == half} == set(LANGUAGE_CODES)
