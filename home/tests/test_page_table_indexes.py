"""Reads of the page table that must not grow with the number of practices (issue 19's scale
bench, docs/performance.md): the home page's sections, the explorer's newest-first listing and
the admin search's join of its index entries to pages. The test database is small, so the plans
are asked for with sequential scans and sorts priced out: what remains is what the indexes allow
(home migration 0003)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from practices.models import PracticeIndexPage
from practices.tests.making import add_practices

pytestmark = pytest.mark.django_db


def plan(sql, params=None, analyze=False):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        # Captured SQL has its values inlined (a LIKE's %): no parameters, no placeholders.
        cursor.execute(f"EXPLAIN {'(ANALYZE) ' if analyze else ''}{sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def captured(client, url, marker):
    """The SQL of the one query the page at `url` sends that contains `marker`."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    found = [query["sql"] for query in context.captured_queries if marker in query["sql"]]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def superuser(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="pw"))


def test_a_pages_children_are_read_without_reading_its_other_descendants():
    # Treebeard's children query is a range of paths that holds every descendant (at 20 000
    # practices, 20 000 rows read for the home page's 8 sections), then a filter on the depth.
    children = HomePage.objects.get().get_children()
    sql, params = children.query.get_compiler(using=children.db).as_sql()
    assert "Rows Removed by Filter" not in plan(sql, params, analyze=True)


def test_the_explorer_reads_its_newest_children_from_an_index_without_sorting_them_all(client, superuser):
    index = PracticeIndexPage.objects.get()
    sql = captured(client, f"/admin/pages/{index.pk}/", '"latest_revision_created_at" DESC')
    assert "Sort Key" not in plan(sql)


def test_the_admin_search_joins_its_matches_to_their_pages_by_an_index(client, superuser):
    # Wagtail's index entries name their page by a string: the join casts every page's id.
    sql = captured(client, "/admin/pages/search/?q=prison", "ts_rank")
    assert "Index Cond: (((id)::character varying(50))::text = " in plan(sql)


def explorer_queries(client, parent):
    with CaptureQueriesContext(connection) as context:
        assert client.get(f"/admin/pages/{parent.pk}/").status_code == 200
    return len(context.captured_queries)


def test_the_explorers_queries_do_not_grow_with_its_rows(client, superuser):
    index = PracticeIndexPage.objects.get()
    explorer_queries(client, index)  # warm: content types, the admin's own caches
    fewer = explorer_queries(client, index)  # the demo's practices
    add_practices(25)
    assert explorer_queries(client, index) == fewer
