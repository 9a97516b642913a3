"""A synthetic corpus: N live practice pages written in all eight languages, created in bulk.

Words are drawn from the demo content (demo/data/*.json) of each language, with
their frequencies, so the index sees the portal's real vocabulary, scripts and diacritics.
Every page's text is a pure function of (seed, page number): the query mix re-derives it.
"""

import json
import random
import re
import uuid
from functools import lru_cache
from pathlib import Path

from languages.codes import LANGUAGE_CODES
from search.analysis import field_suffix

DATA_DIR = Path(__file__).resolve().parent.parent / "demo" / "data"
WORD = re.compile(r"[^\W\d_]{2,}")
BENEFICIARIES = ("AL", "BA", "XK", "ME", "MK", "RS")
SETTINGS = ("prison", "probation", "post-release", "community")
THEMES = (
    "mentoring",
    "disengagement",
    "risk-assessment",
    "family-support",
    "education-vocational",
    "employment",
    "mental-health",
    "religious-counselling",
    "staff-training",
    "multi-agency",
    "returnees",
    "psychosocial-support",
)
# Words per field and language; the body is three fields of this size.
TITLE_WORDS, SUMMARY_WORDS, BODY_WORDS = (6, 10), (20, 30), (25, 35)


def strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item)


def collect(data, texts):
    """Every string under a {language: ...} mapping, filed under its language."""
    if isinstance(data, dict):
        if data and set(data) <= set(LANGUAGE_CODES):
            for language, value in data.items():
                texts[language].extend(strings(value))
            return
        for value in data.values():
            collect(value, texts)
    elif isinstance(data, list):
        for item in data:
            collect(item, texts)


@lru_cache(maxsize=1)
def vocabulary():
    """{language: list of words as they occur}: sampling from it keeps their frequencies."""
    texts = {language: [] for language in LANGUAGE_CODES}
    for path in sorted(DATA_DIR.glob("*.json")):
        collect(json.loads(path.read_text(encoding="utf-8")), texts)
    words = {
        language: [w for text in texts[language] for w in WORD.findall(re.sub(r"<[^>]+>", " ", text))]
        for language in texts
    }
    return {language: tuple(found) for language, found in words.items() if found}


def words(rng, language, bounds):
    pool = vocabulary()[language]
    return " ".join(rng.choice(pool) for _ in range(rng.randint(*bounds)))


def page_texts(seed, number):
    """{language: {title, summary, problem, approach, results}} of synthetic page `number`."""
    rng = random.Random(seed * 1_000_003 + number)
    texts = {}
    for language in LANGUAGE_CODES:
        title = words(rng, language, TITLE_WORDS)
        texts[language] = {
            "title": title[:1].upper() + title[1:],
            "summary": words(rng, language, SUMMARY_WORDS),
            "problem": words(rng, language, BODY_WORDS),
            "approach": words(rng, language, BODY_WORDS),
            "results": words(rng, language, BODY_WORDS),
        }
    return texts


def page_facets(seed, number):
    rng = random.Random(seed * 2_000_003 + number)
    return {
        "beneficiaries": rng.sample(BENEFICIARIES, rng.randint(1, 2)),
        "setting": rng.choice(SETTINGS),
        "themes": rng.sample(THEMES, rng.randint(1, 3)),
        "start_year": rng.randint(2012, 2026),
        "original_language": rng.choice(LANGUAGE_CODES),
    }


def create_pages(count, seed=1, batch=1000, progress=None):
    """Create `count` live PracticePages under the practice index, in bulk; returns their ids."""
    from django.db import connection, transaction

    created = []
    with transaction.atomic():
        builder = PageBuilder(seed)
        for start in range(0, count, batch):
            created += builder.create(range(start, min(start + batch, count)))
            if progress:
                progress(len(created))
        builder.finish()
    # A settled database, as one that has been running is: planner statistics (without them
    # the rebuild's batch queries are planned for empty tables) and the vacuum that autovacuum
    # would otherwise start on the new rows while the rebuild is being timed.
    # (VACUUM cannot run in a transaction, which is where the tests create their pages.)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return created


class PageBuilder:
    """Treebeard paths computed here, so pages go in with two bulk INSERTs instead of 2 per page."""

    def __init__(self, seed):
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone
        from wagtail.models import Locale, Page

        from practices.models import Beneficiary, PracticeIndexPage, PracticePage, Setting, Theme

        self.seed = seed
        self.parent = PracticeIndexPage.objects.get()
        last = self.parent.get_last_child()
        self.first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.created = 0
        self.now = timezone.now()
        self.common = {
            "content_type": ContentType.objects.get_for_model(PracticePage),
            "locale": Locale.get_default(),
            "depth": self.parent.depth + 1,
            "numchild": 0,
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": self.now,
            "last_published_at": self.now,
        }
        self.beneficiaries = dict(Beneficiary.objects.values_list("code", "pk"))
        self.settings = dict(Setting.objects.values_list("slug", "pk"))
        self.themes = dict(Theme.objects.values_list("slug", "pk"))

    def page(self, number):
        from wagtail.models import Page

        from practices.models import PracticePage

        texts = page_texts(self.seed, number)
        facets = page_facets(self.seed, number)
        slug = f"bench-practice-{number}"
        page = PracticePage(
            **self.common,
            path=Page._get_path(self.parent.path, self.common["depth"], self.first_step + self.created),
            slug_en=slug,
            url_path_en=f"{self.parent.url_path_en}{slug}/",
            record_slug=slug,
            translation_key=uuid.uuid4(),
            original_language=facets["original_language"],
            setting_id=self.settings.get(facets["setting"]),
            start_year=facets["start_year"],
        )
        for language, fields in texts.items():
            suffix = field_suffix(language)
            for name, value in fields.items():
                setattr(page, f"{name}_{suffix}", f"<p>{value}</p>" if name == "approach" else value)
        page.title = page.draft_title = texts["en"]["title"]
        page.slug, page.url_path = slug, page.url_path_en
        self.created += 1
        return page, facets

    def create(self, numbers):
        from wagtail.models import Page

        from practices.models import PracticePage

        built = [self.page(number) for number in numbers]
        pages = [page for page, _facets in built]
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
        )
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        # Django refuses bulk_create for multi-table children: insert the child table's rows directly.
        PracticePage._base_manager._insert(pages, fields=PracticePage._meta.local_concrete_fields, using="default")
        self.relate(built)
        return [page.pk for page in pages]

    def relate(self, built):
        from practices.models import PracticePage

        links = {"beneficiaries": (self.beneficiaries, "beneficiary_id"), "themes": (self.themes, "theme_id")}
        for relation, (ids, column) in links.items():
            through = getattr(PracticePage, relation).through
            through.objects.bulk_create(
                [
                    through(**{"practicepage_id": page.pk, column: ids[key]})
                    for page, facets in built
                    for key in facets[relation]
                    if key in ids
                ]
            )

    def finish(self):
        from django.db.models import F
        from wagtail.models import Page

        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.created)
