"""The admin explorer of the practice index (practices/explorer.py): 20 rows a page, every
child counted without reading them, and only what the editor may explore."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from practices.models import PracticeIndexPage, PracticePage
from practices.tests.making import add_practices

pytestmark = pytest.mark.django_db

ROW = "data-listing-page-title"


@pytest.fixture
def index():
    add_practices(25)
    return PracticeIndexPage.objects.get()


def explore(client, index, query=""):
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"/admin/pages/{index.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode(), [captured["sql"] for captured in context.captured_queries]


def shown_count(html):
    """The explorer's "1-20 of 39" in its title column header."""
    return re.search(r"(\d+)-(\d+) of (\d+)", html).groups()


def test_the_practice_index_lists_twenty_rows_a_page_and_counts_every_child_from_the_parent(client, admin_user, index):
    client.force_login(admin_user)
    children = index.get_children().count()
    assert children > 20
    html, queries = explore(client, index)
    assert html.count(ROW) == 20
    assert shown_count(html) == ("1", "20", str(children))
    assert not [sql for sql in queries if "COUNT(" in sql and "wagtailcore_page" in sql]
    html, _queries = explore(client, index, "?p=2")
    assert html.count(ROW) == min(20, children - 20)


def test_a_search_in_the_explorer_counts_its_matches(client, admin_user, index):
    client.force_login(admin_user)
    html, _queries = explore(client, index, "?q=Extra")
    assert shown_count(html) == ("1", "20", "25")


def test_an_editor_allowed_two_practices_sees_and_counts_those_two_only(client, django_user_model, index):
    # Her explorable root is their common parent, the practice index: the parent's count of
    # children is not hers.
    group = Group.objects.create(name="Two practices' editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for slug in ("extra-3", "extra-4"):
        practice = PracticePage.objects.get(slug_en=slug)
        GroupPagePermission.objects.create(group=group, page=practice, permission_type="change")
    editor = django_user_model.objects.create_user("two-practices", password="pw")
    editor.groups.add(group)
    client.force_login(editor)
    html, _queries = explore(client, index)
    assert html.count(ROW) == 2
    assert "Extra practice 3" in html and "Extra practice 4" in html
    assert shown_count(html) == ("1", "2", "2")
