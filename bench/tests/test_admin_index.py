"""The scale bench's bulk entries in the admin's search index are the rows Wagtail writes."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from bench.admin_index import add_items
from bench.corpus import create_pages
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def entries(ids):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, title::text, autocomplete::text, body::text, title_text, body_text, title_norm"
            " FROM wagtailsearch_indexentry WHERE object_id = ANY(%s) ORDER BY object_id",
            [[str(pk) for pk in ids]],
        )
        return cursor.fetchall()


def forget(ids):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM wagtailsearch_indexentry WHERE object_id = ANY(%s)", [[str(pk) for pk in ids]])


def test_bulk_entries_equal_wagtails_and_the_admin_search_finds_them(client, django_user_model):
    ids = create_pages(4, seed=3)
    pages = list(PracticePage.objects.filter(pk__in=ids))
    forget(ids)
    get_search_backend().get_index_for_model(PracticePage).add_items(PracticePage, pages)
    wagtails = entries(ids)
    forget(ids)
    add_items(PracticePage, pages)
    assert entries(ids) == wagtails and len(wagtails) == 4

    client.force_login(django_user_model.objects.create_superuser("bench-root", password="pw"))
    title = pages[0].title_en
    html = client.get("/admin/pages/search/", {"q": title}).content.decode()
    assert f"/admin/pages/{pages[0].pk}/edit/" in html
