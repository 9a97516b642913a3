"""B-tree indexes on the page table's translated slug columns (`slug_en` ... `slug_mk`).

wagtail-modeltranslation adds those columns outside migrations (its `migrate` runs
`sync_page_translation_fields` after Django's), without an index: finding a child by its slug
(languages/routing.py) and checking a slug is free (languages/slugs.py) scanned every sibling,
40 ms a query at 20 000 practices (docs/performance.md). The indexes are created right after
the columns, by the same command, so a fresh database has them too.
"""

from django.db import connection
from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES

TABLE = "wagtailcore_page"


def index_name(column):
    return f"{TABLE}_{column}_idx"


def create_slug_indexes():
    with connection.cursor() as cursor:
        for code in LANGUAGE_CODES:
            column = build_localized_fieldname("slug", code)
            cursor.execute(f'CREATE INDEX IF NOT EXISTS "{index_name(column)}" ON "{TABLE}" ("{column}")')


def after_sync(handle):
    """`handle` of wagtail-modeltranslation's sync_page_translation_fields, then the indexes."""

    def synced_and_indexed(self, *args, **options):
        handle(self, *args, **options)
        create_slug_indexes()

    return synced_and_indexed
