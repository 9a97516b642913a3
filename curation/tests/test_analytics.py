"""Search analytics: what is counted (never who), what editors see, how long it is kept."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from curation.models import OpenedDay, SearchDay
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("edina", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def result_links(html):
    return [unescape(href) for href in re.findall(r'<h2><a href="([^"]+)"', html)]


def test_searches_and_opened_results_are_counted_without_personal_data(client, search_index):
    page = PracticePage.objects.live().public().exclude(title_en="").first()
    query = max(page.title_en.split(), key=len)
    for typed in (query.upper(), query, f"  {query} "):
        response = client.get("/en/search/", {"q": typed}, REMOTE_ADDR="203.0.113.7")
    client.get("/en/search/", {"q": "qxzvlwq"})
    link = result_links(response.content.decode())[0]
    opened = client.get(link)
    assert opened.status_code == 302 and opened["Location"].startswith("/en/")

    counted = SearchDay.objects.get(query=query.lower())
    assert (counted.language, counted.searches, counted.zero_results) == ("en", 3, 0)
    assert SearchDay.objects.get(query="qxzvlwq").zero_results == 1
    assert OpenedDay.objects.get(query=query.lower()).position == 1
    stored = {f.name for model in (SearchDay, OpenedDay) for f in model._meta.get_fields()}
    assert stored == {"id", "day", "language", "query", "searches", "zero_results", "position", "opens"}
    assert "203.0.113.7" not in str(list(SearchDay.objects.values())) + str(list(OpenedDay.objects.values()))


def test_result_links_never_redirect_off_the_site(client):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"):
        assert client.get("/en/search/open/", {"q": "x", "position": 1, "to": target}).status_code == 400


def test_report_shows_queries_of_three_searches_a_month_and_exports_csv(client, editor):
    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    SearchDay.objects.create(day=today, language="sr", query="условни отпуст", searches=3, zero_results=3)
    SearchDay.objects.create(day=today, language="bs", query="resocijalizacija", searches=5)
    OpenedDay.objects.create(day=today, language="bs", query="resocijalizacija", position=2, opens=3)
    OpenedDay.objects.create(day=today, language="bs", query="resocijalizacija", position=7, opens=1)
    # Twice this month and twice last month: four in the period, but never three in a month.
    SearchDay.objects.create(day=today, language="bs", query="rijetko trazeno", searches=2)
    SearchDay.objects.create(day=last_month, language="bs", query="rijetko trazeno", searches=2)
    period = {"start": last_month.replace(day=1).isoformat(), "end": today.isoformat()}

    assert "search-terms" in client.get("/admin/").content.decode()  # Reports → Search terms
    for snippet in ("pick", "synonym"):  # and they manage picks and synonyms
        assert client.get(f"/admin/snippets/curation/{snippet}/add/").status_code == 200
    html = client.get("/admin/reports/search-terms/", period).content.decode()
    assert "условни отпуст" in html and "resocijalizacija" in html
    assert "rijetko" not in html
    zero = html.split('data-queries="zero-results"')[1].split("</table>")[0]
    assert "условни отпуст" in zero and "resocijalizacija" not in zero

    bosnian = client.get("/admin/reports/search-terms/", {**period, "language": "bs"}).content.decode()
    assert "условни отпуст" not in bosnian

    exported = client.get("/admin/reports/search-terms/", {**period, "export": "csv"})
    assert exported["Content-Type"].startswith("text/csv")
    lines = exported.content.decode().splitlines()
    assert lines[0] == "language,query,searches,zero_results,opens,mean_position,median_position"
    assert "bs,resocijalizacija,5,0,4,3.2,2" in lines
    assert not any("rijetko" in line for line in lines)


def test_report_is_for_editors_only(client, django_user_model):
    translator = django_user_model.objects.create_user("tanja", password="pw")
    translator.groups.add(Group.objects.get(name="Translators"))  # uses the admin, is not an editor
    client.force_login(translator)
    refused = client.get("/admin/reports/search-terms/")  # the admin turns a refusal into a redirect home
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert "search-terms" not in client.get("/admin/").content.decode()


def test_purge_deletes_analytics_older_than_the_retention(settings):
    settings.SEARCH_ANALYTICS_RETENTION_DAYS = 30
    today = timezone.localdate()
    for age in (31, 30):
        day = today - datetime.timedelta(days=age)
        SearchDay.objects.create(day=day, language="mk", query=f"затвор {age}", searches=4)
        OpenedDay.objects.create(day=day, language="mk", query=f"затвор {age}", position=1, opens=1)
    call_command("purge_search_analytics", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(SearchDay.objects.values_list("query", flat=True)) == ["затвор 30"]
    assert list(OpenedDay.objects.values_list("query", flat=True)) == ["затвор 30"]


def test_a_failed_recording_is_logged_and_never_breaks_the_request(caplog):
    from curation.recording import record_search

    record_search("zatvor", "a-language-code-too-long-for-its-column", 1)  # the database refuses it
    assert "search analytics not recorded" in caplog.text
    record_search("zatvor", "hr", 1)  # the request's transaction is still usable
    assert SearchDay.objects.get(language="hr").searches == 1


def test_a_flood_of_opened_results_still_redirects_but_is_counted_only_up_to_the_rate(client, settings):
    settings.RATE_LIMIT_SEARCH_OPEN = "3/m"
    opened = {"q": "mentoring", "position": 2, "to": "/en/practices/"}
    for _ in range(5):
        response = client.get("/en/search/open/", opened, REMOTE_ADDR="198.51.100.4")
        assert response.status_code == 302 and response["Location"] == "/en/practices/"
    client.get("/en/search/open/", opened, REMOTE_ADDR="198.51.100.5")  # another visitor still counts
    assert OpenedDay.objects.get(query="mentoring", position=2).opens == 4
