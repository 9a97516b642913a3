"""What telling "the language that matched" costs per search result.

A result missing the visitor's language is shown in the first of her other readings whose
title or summary holds a word typed (search.queries.reading_for); each check folds that
text. This times one demo practice written in 7 languages, for a Bosnian visitor.

    python bench/reading_bench.py
"""

import json
import os
import sys
import timeit
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
for name, value in {"DJANGO_SETTINGS_MODULE": "portal.settings", "SECRET_KEY": "bench", "DEBUG": "1"}.items():
    os.environ.setdefault(name, value)

import django  # noqa: E402

django.setup()

from languages.transliteration import fold  # noqa: E402
from search import matched  # noqa: E402
from search.analysis import field_suffix  # noqa: E402
from search.queries import reading_for  # noqa: E402

RUNS = 300


def demo_hit(missing="bs"):
    practices = json.loads((REPO / "demo/data/practices.json").read_text())["practices"]
    practice = next(p for p in practices if len(p["translations"]) == 8)
    texts = {
        f"{name}_{field_suffix(language)}": text[name]
        for language, text in practice["translations"].items()
        for name in ("title", "summary")
        if language != missing
    }
    written = [language for language in practice["translations"] if language != missing]
    return SimpleNamespace(languages=written, original_language="en", **texts), texts


def main():
    hit, texts = demo_hit()
    for label, query in [
        ("no language matches", "zzzzzz qqqqqq"),
        ("a chain language matches", "resocijalizacija mentor"),
    ]:
        stems = matched.stems(query)
        seconds = timeit.timeit(lambda stems=stems: reading_for(hit, "bs", stems), number=RUNS) / RUNS
        print(f"{label}: {seconds * 1000:.3f} ms per result, {seconds * 20_000:.1f} ms for a page of 20")
    text = " ".join(texts.values())
    seconds = timeit.timeit(lambda: fold(text), number=RUNS) / RUNS
    print(f"fold of {len(text)} characters: {seconds * 1000:.2f} ms")


if __name__ == "__main__":
    main()
