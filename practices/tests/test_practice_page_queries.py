"""A practice page's database work is a fixed number of queries, whatever it links to: its
Beneficiaries, themes, target groups, attachments and related pages cost no query each, and
however deep it lies: its route is remembered. What remains: the page's state, its view
restrictions and the index queue's stamp (two reads)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_a_warm_practice_page_needs_few_queries(client, search_index):
    practice = PracticePage.objects.live().public().order_by("path").first()
    with translation.override("en"):
        url = practice.get_url()
    for _warm in range(2):  # the cached menu, footer, similar practices, route, then the page loaded
        assert client.get(url).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    # 26 before: the target groups and attachments asked twice each, the restrictions read per list;
    # 19 before the site and route were remembered (caching/routes.py: a query per level and per
    # specific page), the restrictions read in two queries and both related lists asked when empty;
    # 12 before the article was remembered per revision and language (its Beneficiaries, setting,
    # themes, target groups and attachments: caching/templatetags/page_fragments.py) and the
    # index queue's stamp read once for the similar practices' visibility and key, not twice;
    # 5 before the related pages' links were remembered per revision (practices/related.py).
    assert len(queries) <= 4, "\n".join(q["sql"][:300] for q in queries.captured_queries)
