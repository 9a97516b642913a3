"""Search fails closed and the index keeps up, against the real node: a stale index never
shows what the database hides, access as Wagtail decides it, changes queued until the node
accepts them, rebuilds that lose nothing, and a slow node that costs one timeout."""

import io
import socket
import threading
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from roles import VERIFIED_PROFESSIONALS
from search import rebuild as rebuilding
from search.client import _client, get_client
from search.documents import PageDocument
from search.models import IndexChange
from search.tests.api import api, slugs

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def patient_search(settings):
    settings.SEARCH_TIMEOUT = 30  # a loaded machine must not degrade what these tests look at


def with_node_down(change):
    """Make `change` while Elasticsearch does not answer: its index update fails."""
    _client.cache_clear()
    try:
        with override_settings(ELASTICSEARCH_URL=CLOSED_PORT):
            return change()
    finally:
        _client.cache_clear()


def public_practice(index=0):
    pages = PracticePage.objects.live().public().exclude(title_en__isnull=True).exclude(title_en="")
    return list(pages.order_by("pk"))[index]


def restrict(page, kind, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password=password)
    restriction.groups.set(groups)
    return restriction


def member_of(client, name, group):
    user = User.objects.create_user(name)
    user.groups.add(group)
    client.force_login(user)
    return user


def indexed(page_id):
    return get_client().exists(index=PageDocument.alias(), id=page_id).body


def test_a_page_restricted_while_the_node_was_down_is_absent_from_results_counts_and_autocomplete(client, search_index):
    page = public_practice()
    title = page.title_en
    everything = api(client, q="", type="practice", page_size=100)["count"]
    with_node_down(lambda: restrict(page, PageViewRestriction.GROUPS, [Group.objects.get(name=VERIFIED_PROFESSIONALS)]))
    assert get_client().get(index=PageDocument.alias(), id=page.pk)["_source"]["access"] == "public"  # stale

    data = api(client, q=title)
    assert page.record_slug not in slugs(data) and data["degraded"] is False
    listed = api(client, q="", type="practice", page_size=100)
    assert listed["count"] == everything - 1
    assert {"value": "practice", "count": everything - 1} in listed["facets"]["type"]
    completions = api(client, "/api/v1/autocomplete/", q=title[:12])["results"]
    assert title not in [item["title"] for item in completions]
    assert f'href="{page.url}"' not in client.get("/en/search/", {"q": title}).content.decode()


def test_did_you_mean_never_proposes_a_word_of_a_page_restricted_while_the_node_was_down(client, search_index):
    page = public_practice(1)
    page.title_en = "Zanzibarian mentoring circles"
    page.save_revision().publish()
    assert api(client, q="zanzibarien mentoring")["suggestion"] == "zanzibarian mentoring"
    with_node_down(lambda: restrict(page, PageViewRestriction.LOGIN))
    assert api(client, q="zanzibarien mentoring")["suggestion"] is None


def test_unpublished_and_deleted_pages_are_absent_while_their_removal_waits(client, search_index):
    unpublished, deleted = public_practice(0), public_practice(1)
    with_node_down(lambda: (unpublished.unpublish(), deleted.delete()))
    assert indexed(unpublished.pk) and indexed(deleted.pk)  # the index is stale
    found = slugs(api(client, q="", type="practice", page_size=100))
    assert unpublished.record_slug not in found and deleted.record_slug not in found


def test_access_is_decided_as_wagtail_decides_it_in_search_listing_and_fallback(client, search_index):
    verified = Group.objects.get(name=VERIFIED_PROFESSIONALS)
    editors = Group.objects.get(name="Editors")
    by_password, for_editors = public_practice(0), public_practice(1)
    restrict(by_password, PageViewRestriction.PASSWORD, password="letmein")
    restrict(for_editors, PageViewRestriction.GROUPS, [editors])
    listing = by_password.get_parent().url

    def seen():
        searched = slugs(api(client, q="", type="practice", page_size=100))
        fallback = with_node_down(lambda: api(client, q=f"{by_password.title_en} {for_editors.title_en}"))
        assert fallback["degraded"] is True
        html = client.get(listing).content.decode()
        return [
            (page.record_slug in searched, page.record_slug in slugs(fallback), page.title_en in html)
            for page in (by_password, for_editors)
        ]

    member_of(client, "verified-professional", verified)
    assert seen() == [(False, False, False), (False, False, False)]
    member_of(client, "an-editor", editors)
    assert seen() == [(False, False, False), (True, True, True)]


def test_a_search_asks_the_database_once_what_has_changed(client, search_index, settings, django_assert_num_queries):
    # The index queue's last id and waiting count (the visibility cache's key) in one
    # statement: the only query of a search once the lists it reads are in memory (the rate
    # limits' counters, security/, are theirs).
    settings.RATE_LIMITS = {}
    api(client, q="prison")
    with django_assert_num_queries(1):
        assert api(client, q="radicalisation")["count"] > 0


def test_deleting_a_restricted_practice_works_and_removes_its_document(client, search_index):
    page = public_practice()
    restrict(page, PageViewRestriction.LOGIN)
    page.delete()
    assert not PracticePage.objects.filter(pk=page.pk).exists()
    assert not indexed(page.pk)


def test_a_rolled_back_publish_leaves_nothing_in_the_index(search_index):
    parent = public_practice().get_parent()
    created = []
    with pytest.raises(RuntimeError), transaction.atomic():
        page = PracticePage(title_en="Rolled back practice", original_language="en", live=False)
        parent.add_child(instance=page)
        page.save_revision().publish()
        created.append(page.pk)
        raise RuntimeError("the import failed")
    assert not indexed(created[0])


def test_changes_made_while_the_node_is_down_wait_in_the_queue_for_the_worker(client, search_index):
    page = public_practice()
    page.title_en = "Queued beekeeping apprenticeships"
    with_node_down(lambda: page.save_revision().publish())
    out = io.StringIO()
    with pytest.raises(CommandError):  # drift: the document is stale
        call_command("check_search_index", stdout=out)
    assert "queue: 1 change(s) waiting; the oldest queued" in out.getvalue()

    IndexChange.objects.update(next_attempt_at=timezone.now())  # the retry is due
    call_command("process_index_queue", "--once", stdout=io.StringIO())
    assert page.record_slug in slugs(api(client, q="Queued beekeeping apprenticeships"))
    out = io.StringIO()
    call_command("check_search_index", stdout=out)
    assert "queue: empty" in out.getvalue()


def test_a_rebuild_keeps_writing_to_the_live_index_and_replays_the_changes_of_its_fill(search_index, monkeypatch):
    page = public_practice()
    live = rebuilding.indices_behind(PageDocument.alias())
    seen = {}
    fill = rebuilding.fill

    def fill_then_unpublish(*args, **kwargs):
        fill(*args, **kwargs)
        seen["writes"] = rebuilding.indices_behind(PageDocument.write_alias())
        page.unpublish()  # during the fill: the live index hears of it at once

    monkeypatch.setattr(rebuilding, "fill", fill_then_unpublish)
    new_index, _count = rebuilding.rebuild()
    assert seen["writes"] == live
    assert rebuilding.indices_behind(PageDocument.alias()) == [new_index]
    assert not indexed(page.pk)


def test_the_next_rebuild_deletes_what_an_interrupted_one_left(search_index, monkeypatch):
    def interrupted(client, index, *args, **kwargs):
        raise KeyboardInterrupt(index)

    monkeypatch.setattr(rebuilding, "fill", interrupted)
    with pytest.raises(KeyboardInterrupt) as stopped:
        rebuilding.rebuild()
    abandoned = stopped.value.args[0]
    assert get_client().indices.exists(index=abandoned)
    monkeypatch.undo()
    rebuilding.rebuild()
    assert not get_client().indices.exists(index=abandoned)


def test_a_second_rebuild_is_refused_while_one_runs(search_index):
    holding, release = threading.Event(), threading.Event()

    def first_rebuild():
        try:
            with rebuilding.lock():
                holding.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=first_rebuild)
    thread.start()
    try:
        assert holding.wait(30)
        with pytest.raises(rebuilding.RebuildRunning):
            rebuilding.rebuild()
    finally:
        release.set()
        thread.join()


def test_a_node_that_does_not_answer_costs_one_timeout_not_one_per_request(client, settings):
    silent = socket.socket()  # accepts connections, never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"
    settings.SEARCH_TIMEOUT, settings.SEARCH_BREAKER_FAILURES, settings.SEARCH_BREAKER_SECONDS = 1, 1, 30
    _client.cache_clear()
    try:
        assert api(client, q="prison")["degraded"] is True  # one timeout
        started = time.monotonic()
        answers = [api(client, q="prison") for _ in range(5)]
        answers += [api(client, "/api/v1/autocomplete/", q="pris") for _ in range(5)]
        elapsed = time.monotonic() - started
    finally:
        _client.cache_clear()
        silent.close()
    assert all(answer["degraded"] is True for answer in answers)
    assert elapsed < 2, f"10 requests took {elapsed:.1f} s: each waited for the node"
