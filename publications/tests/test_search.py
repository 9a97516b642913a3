"""Search inside documents against the real node: the page of a PDF that answers a query, its
number and passage in the result; a restricted publication never found by anonymous visitors."""

import re
from html import unescape
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import PageViewRestriction

from practices.access import restrict_to_verified
from publications.adding import NewPublication, add_publication
from publications.tests.texts import ALBANIAN_PAGES, EMPLOYMENT_PAGE, SERBIAN_PAGES
from search.client import _client, get_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def patient_search(settings):
    settings.SEARCH_TIMEOUT = 30  # a loaded machine must not degrade what these tests look at


def search(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    data = response.json()
    assert not data["degraded"]
    return data["results"]


def found_of(client, page, **params):
    # The demo's pages answer some of the same words: only this publication counts here.
    return [result for result in search(client, **params) if result["slug"] == page.record_slug]


def test_a_query_finds_the_page_of_the_pdf_that_answers_it(client, search_index, sample_file):
    path = sample_file("pdf", SERBIAN_PAGES, name="framework-assessment")
    page = add_publication(
        NewPublication(path, "sr", "Процена оквира подршке после отпуста", beneficiaries=["RS"], publish=True)
    )
    document_url = page.files.get().document.url

    # Latin, without diacritics: the regional analysis meets the Cyrillic text.
    found = search(client, q="subvencija poslodavci", lang="sr-latn")
    first = found[0]
    assert first["document_page"] == EMPLOYMENT_PAGE
    assert first["url"] == f"{document_url}#page={EMPLOYMENT_PAGE}"
    assert first["title"] == "Procena okvira podrške posle otpusta"  # the publication, in her script
    assert "<mark>" in first["snippet"] and "poslodav" in first["snippet"]
    assert "document_page" not in next(r for r in search(client, q="ресоцијализација") if r["type"] == "practice")

    html = client.get("/sr/search/", {"q": "субвенција послодавци"}).content.decode()
    # The title links to the file at that page (through the counter of opened results).
    targets = [
        parse_qs(urlsplit(unescape(link)).query).get("to", [""])[0]
        for link in re.findall(r'<h2><a href="([^"]+)"', html)
    ]
    assert f"{document_url}#page={EMPLOYMENT_PAGE}" in targets and f"страница {EMPLOYMENT_PAGE}" in html

    # The library lists the publication once, never its pages.
    listed = client.get("/sr/library/", {"language": "sr"}).content.decode()
    assert listed.count(page.get_url()) == 1

    # Restricted while the node does not answer: the index still says public, the database decides.
    _client.cache_clear()
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        restrict_to_verified(page, True)
    _client.cache_clear()
    assert PageViewRestriction.objects.filter(page=page).exists()
    part = get_client().get(index=f"{settings.SEARCH_INDEX_PREFIX}-pages", id=f"{page.pk}.{page.files.get().pk}-4")
    assert part["_source"]["access"] == "public"  # stale
    assert found_of(client, page, q="subvencija poslodavci", lang="sr-latn") == []


def test_a_restricted_publication_is_never_found_by_anonymous_visitors(
    client, search_index, sample_file, verified_user
):
    path = sample_file("docx", ALBANIAN_PAGES, name="restricted-assessment")
    page = add_publication(
        NewPublication(path, "sq", "Vlerësimi i kuadrit", beneficiaries=["AL"], restricted=True, publish=True)
    )
    document = page.files.get().document

    assert found_of(client, page, q="punedhenesit mbeshtetje financiare", lang="sq") == []  # nor its file
    assert found_of(client, page, q="Vlerësimi i kuadrit", lang="sq") == []
    assert client.get(page.url).status_code == 302
    assert client.get(document.url).status_code == 302  # the file's own URL: to the login
    assert "Vlerësimi i kuadrit" not in client.get("/sq/library/").content.decode()

    client.force_login(verified_user)
    found = found_of(client, page, q="punedhenesit mbeshtetje financiare", lang="sq")
    assert [r.get("document_page") for r in found] == [3]
    assert client.get(document.url).status_code == 200


def test_a_long_document_whose_every_page_matches_is_one_result_counted_once(client, search_index, sample_file):
    sentence = "Vocational training in prison workshops leads to employment after release."
    pages = [f"Section {n}. {sentence}" for n in range(30)]
    pages[16] += " Vocational training certificates are recognised by employers: vocational training pays."
    path = sample_file("pdf", pages, name="vocational-training-report")
    page = add_publication(NewPublication(path, "en", "Annual report of the prison service", publish=True))

    response = client.get("/api/v1/search/", {"q": "vocational training", "lang": "en", "type": "publication"})
    data = response.json()
    assert not data["degraded"]
    ours = [result for result in data["results"] if result["slug"] == page.record_slug]
    assert len(ours) == 1  # not 30
    assert ours[0]["document_page"] == 17  # the page that answers best
    assert ours[0]["url"].endswith("#page=17")
    assert data["count"] == len(data["results"])  # publications, not their pages
    assert {"value": "publication", "count": 1} in data["facets"]["type"]


def test_counts_are_of_publications_not_their_pages_in_one_request(client, search_index, sample_file, node_requests):
    pages = [f"Section {n}. Horticulture in greenhouses gives inmates a trade before release." for n in range(12)]
    page = add_publication(
        NewPublication(sample_file("pdf", pages, name="horticulture"), "en", "Gardens", publish=True)
    )

    del node_requests[:]  # the publish's indexing

    # Its twelve pages are found, and counted as one publication (search/grouping.py).
    data = client.get("/api/v1/search/", {"q": "horticulture greenhouses", "lang": "en"}).json()
    assert [result["slug"] for result in data["results"]] == [page.record_slug]
    assert data["count"] == 1  # not 12
    assert {"value": "publication", "count": 1} in data["facets"]["type"]
    assert len(node_requests) == 1, node_requests

    # Beside other pages: each counted once, the facet's options most pages first.
    del node_requests[:]
    data = client.get("/api/v1/search/", {"q": "horticulture mentoring", "lang": "en", "page_size": 100}).json()
    assert page.record_slug in [result["slug"] for result in data["results"]]
    assert data["count"] == len(data["results"]) > 1
    assert sum(option["count"] for option in data["facets"]["type"]) == data["count"]
    counts = [option["count"] for option in data["facets"]["type"]]
    assert counts == sorted(counts, reverse=True)
    assert len(node_requests) == 1, node_requests


def test_words_found_only_in_a_document_are_not_corrected(client, search_index, sample_file):
    pages = ["Identity documents are issued in prison before release through the civil registry."]
    add_publication(NewPublication(sample_file("pdf", pages, name="registry"), "en", "Documents", publish=True))

    data = client.get("/api/v1/search/", {"q": "identity documents civil registry", "lang": "en"}).json()
    assert data["results"][0]["document_page"] == 1
    assert data["suggestion"] is None  # not "cilin": the document's words are words of the portal


def test_check_search_index_reports_missing_stale_and_leaked_pages_of_files_and_fix_mends_them(
    search_index, sample_file
):
    path = sample_file("pdf", SERBIAN_PAGES, name="checked-assessment")
    page = add_publication(NewPublication(path, "sr", "Процена оквира", publish=True))
    item = page.files.get()
    alias = f"{settings.SEARCH_INDEX_PREFIX}-pages"
    # Behind the signals' back, as a crash or a hand-made fix would leave it:
    search_index.delete(index=alias, id=f"{page.pk}.{item.pk}-2", refresh=True)  # a page lost
    item.document.text_pages.filter(page_number=3).update(text="Пробациона служба у новом тексту.")  # edited
    item.document.text_pages.filter(page_number=5).delete()  # a page gone from the file

    code, output = check_index()
    assert code == 1
    assert f"missing  page {page.pk}: part {page.pk}.{item.pk}-2 (page 2 of a file)" in output
    assert f"stale    page {page.pk}: part {page.pk}.{item.pk}-3 (page 3 of a file)" in output
    assert f"orphan   page {page.pk}: part {page.pk}.{item.pk}-5 (page 5 of a file)" in output
    assert "1 missing, 1 stale, 1 orphan" in output

    code, output = check_index("--fix")
    assert code == 0, output
    assert check_index()[0] == 0


def check_index(*args):
    out = StringIO()
    try:
        call_command("check_search_index", *args, stdout=out)
    except CommandError as error:
        return error.returncode, f"{out.getvalue()}{error}"
    return 0, out.getvalue()
