"""Editor's picks and editors' synonyms on the real node."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from curation.models import Pick, Synonym
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(data):
    return [item["slug"] for item in data["results"]]


def picks(data):
    return [item["slug"] for item in data["results"] if item["pick"]]


def test_picks_come_first_once_marked_for_the_query_however_typed(client, search_index):
    ranked = slugs(api(client, q="zatvor", lang="bs", page_size=50))
    public = PracticePage.objects.live().public()
    target = public.get(record_slug=ranked[-1])
    for_macedonian, expired = public.exclude(record_slug=target.record_slug).order_by("pk")[:2]
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")).first()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Pick.objects.create(query="Zatvor", page=target)
    Pick.objects.create(query="затвор", language="mk", page=for_macedonian, sort_order=1)
    Pick.objects.create(query="zatvor", page=expired, ends=yesterday)
    Pick.objects.create(query="ZATVOR", page=restricted)

    # Typed in Cyrillic, in capitals: the pick written in Latin still applies.
    data = api(client, q="ЗАТВОР", lang="sr", page_size=50)
    assert picks(data) == [target.record_slug] and slugs(data)[0] == target.record_slug
    assert slugs(data).count(target.record_slug) == 1
    assert restricted.record_slug not in slugs(data)
    assert picks(api(client, q="zatvor", lang="mk")) == [target.record_slug, for_macedonian.record_slug]

    html = client.get("/en/search/", {"q": "Zatvor"}).content.decode()
    assert html.count('class="card pick"') == 1 and "Editor's pick" in html

    target.unpublish()
    assert picks(api(client, q="zatvor", lang="bs")) == []


def test_editor_synonyms_apply_at_once_without_reindexing(client, search_index):
    page = PracticePage.objects.live().public().exclude(title_en="").order_by("pk").first()
    assert page.record_slug not in slugs(api(client, q="ZPRS", lang="hr"))

    synonym = Synonym.objects.create(language="hr", forms=f"ZPRS\n{page.title_en}")
    assert page.record_slug in slugs(api(client, q="zprs", lang="hr"))

    synonym.language = "mk"
    synonym.save()
    assert page.record_slug not in slugs(api(client, q="zprs", lang="hr"))
    assert page.record_slug in slugs(api(client, q="zprs", lang="mk"))


def test_an_editors_change_reaches_every_web_process_at_once():
    """Each web process keeps picks and synonyms in memory; a save in one (the admin's) must
    renew them in the others at once, through the shared cache (CACHE_URL), not after a minute."""
    from curation import picks as picks_module
    from curation import synonyms as synonyms_module

    page = PracticePage.objects.live().public().order_by("pk").first()
    assert picks_module.picked_page_ids("mentorstvo", "bs") == []
    assert synonyms_module.expansions("mentorstvo", "bs") == []
    # What another web process holds: the lists as they were before the editor's save.
    other_process = (dict(picks_module._cache), dict(synonyms_module._cache))

    Pick.objects.create(query="Mentorstvo", page=page)
    Synonym.objects.create(language="bs", forms="mentorstvo\nmentoring")
    picks_module._cache.update(other_process[0])
    synonyms_module._cache.update(other_process[1])

    assert picks_module.picked_page_ids("mentorstvo", "bs") == [page.pk]
    assert synonyms_module.expansions("mentorstvo", "bs") == ["mentoring"]
