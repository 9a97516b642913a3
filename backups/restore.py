"""Restoring a pg_dump (custom format) into a scratch database and comparing it with the live one."""

import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import psycopg
from django.db import connections


class RestoreError(Exception):
    pass


@dataclass
class Comparison:
    tables: int = 0
    pages: int = 0
    count_differences: dict = field(default_factory=dict)  # table -> (live, restored)
    page_differences: list = field(default_factory=list)  # page ids whose latest revision differs

    @property
    def identical(self):
        return not (self.count_differences or self.page_differences)


def latest_dump(directory):
    dumps = sorted(Path(directory).glob("*.dump"), key=lambda path: path.stat().st_mtime)
    if not dumps:
        raise RestoreError(f"no *.dump file in {directory}")
    return dumps[-1]


def same_database(url, live):
    """Whether `url` names the live database (never a scratch one)."""
    scratch = dj_database_url.parse(url)
    return (scratch["NAME"], scratch.get("HOST") or "", str(scratch.get("PORT") or "")) == (
        live["NAME"],
        live.get("HOST") or "",
        str(live.get("PORT") or ""),
    )


def recreate(url):
    """The scratch database, dropped and created empty (on the server of `url`)."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def restore(dump, url):
    """pg_restore of `dump` into a fresh scratch database; its errors are the command's."""
    recreate(url)
    done = subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", url, str(dump)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RestoreError(f"pg_restore failed: {done.stderr.strip()}")


TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
# A page as visitors and editors get it: its whole row (every language's title, slug, path, its
# state) and its latest revision, as text (the same jsonb prints the same on both sides).
PAGES = """
    SELECT page.id, to_jsonb(page)::text, revision.content::text
    FROM wagtailcore_page AS page LEFT JOIN wagtailcore_revision AS revision ON revision.id = page.latest_revision_id
    WHERE page.id = ANY(%s)
"""


def row_counts(cursor):
    cursor.execute(TABLES)
    tables = sorted(row[0] for row in cursor.fetchall())
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


def pages(cursor, page_ids):
    cursor.execute(PAGES, [page_ids])
    return {row[0]: row[1:] for row in cursor.fetchall()}


def compare(url, sample=20, seed=None):
    """Row counts of every table, and `sample` pages with their latest revision, live against restored.

    The scratch database is read with psycopg directly: it is no database of the project's."""
    with connections["default"].cursor() as live, psycopg.connect(url) as connection, connection.cursor() as restored:
        live_counts, restored_counts = row_counts(live), row_counts(restored)
        result = Comparison(tables=len(live_counts))
        for table in sorted(set(live_counts) | set(restored_counts)):
            if live_counts.get(table) != restored_counts.get(table):
                result.count_differences[table] = (live_counts.get(table), restored_counts.get(table))
        live.execute("SELECT id FROM wagtailcore_page WHERE depth > 1 ORDER BY id")
        page_ids = [row[0] for row in live.fetchall()]
        chosen = random.Random(seed).sample(page_ids, min(sample, len(page_ids)))
        before, after = pages(live, chosen), pages(restored, chosen)
        result.pages = len(chosen)
        result.page_differences = sorted(pk for pk in chosen if before.get(pk) != after.get(pk))
        return result
