"""add_publication, the library's filters and the downloads the results page reads."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from publications.adding import NewPublication, Refused
from publications.models import PublicationPage
from publications.statistics import downloads_by_publication
from publications.tests.texts import ALBANIAN_PAGES

pytestmark = pytest.mark.django_db


def add(path, *args):
    out, err = StringIO(), StringIO()
    # In the site's language, as from a shell: the test client leaves the language of the last
    # page it fetched active in this thread, and the command's messages are translated.
    with translation.override(settings.LANGUAGE_CODE):
        call_command("add_publication", str(path), *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_add_publication_prints_the_url_of_a_page_that_serves_and_counts_downloads(client, sample_file):
    path = sample_file("odt", ALBANIAN_PAGES, name="manuali-i-trajnimit")
    args = ("--language", "sq", "--title", "Manuali i trajnimit për stafin e burgjeve", "--type", "manual")
    url, warnings = add(path, *args, "--beneficiary", "AL", "--beneficiary", "xk", "--publish")

    assert warnings == ""
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Manuali i trajnimit për stafin e burgjeve" in html
    page = PublicationPage.objects.get(title_sq="Manuali i trajnimit për stafin e burgjeve")
    assert sorted(page.beneficiaries.values_list("code", flat=True)) == ["AL", "XK"]

    document = page.files.get().document
    assert document.url in html
    assert client.get(document.url).status_code == 200
    row = next(row for row in downloads_by_publication() if row["publication"].pk == page.pk)
    assert row["downloads"] == 1 and row["type"] == "Manual"

    library = client.get("/sq/library/", {"type": "manual", "language": "sq", "year": str(page.date.year)})
    assert page.url in library.content.decode()
    assert page.url not in client.get("/sq/library/", {"type": "report"}).content.decode()
    assert page.url not in client.get("/sq/library/", {"beneficiary": "RS"}).content.decode()


def test_add_publication_refuses_what_it_cannot_add_with_a_clear_error(tmp_path, sample_file):
    path = sample_file("docx", ALBANIAN_PAGES)
    with pytest.raises(CommandError, match="unknown Beneficiary ZZ"):
        add(path, "--language", "sq", "--title", "Raport", "--beneficiary", "ZZ")
    with pytest.raises(CommandError, match="invalid choice: 'de'"):
        add(path, "--language", "de", "--title", "Bericht")
    with pytest.raises(CommandError, match="no such file"):
        add(tmp_path / "missing.pdf", "--language", "sq", "--title", "Raport")
    draft_url, _warnings = add(path, "--language", "sq", "--title", "Raport vjetor")
    assert "/admin/pages/" in draft_url  # a draft: where the editor finds it
    assert not PublicationPage.objects.get(title_sq="Raport vjetor").live


def test_what_add_publication_refuses_is_said_in_the_active_language(tmp_path, sample_file):
    path = sample_file("docx", ALBANIAN_PAGES)
    with translation.override("sq"), pytest.raises(Refused, match="Përfitues i panjohur ZZ"):
        NewPublication(path, "sq", "Raport", beneficiaries=["ZZ"]).check()
    with translation.override("sr"), pytest.raises(Refused, match="missing.pdf: нема такве датотеке"):
        NewPublication(tmp_path / "missing.pdf", "sr", "Извештај").check()


def test_the_demo_library_holds_real_files_in_several_languages(client):
    assessment = PublicationPage.objects.get(record_slug="albania-pre-release-post-penal-framework-assessment")
    assert {(f.language, f.document.file_extension) for f in assessment.files.all()} == {("en", "pdf"), ("sq", "docx")}
    pdf = assessment.files.get(language="en").document
    assert "No institution is responsible for the hand-over" in pdf.text_pages.get(page_number=3).text

    html = client.get("/en/library/").content.decode()
    assert assessment.title_en in html
    assert "Training manual: recognising signs" not in html  # for verified professionals only
    assert "Report of the regional meeting" in html
    assert "Report of the regional meeting" not in client.get("/en/library/", {"type": "assessment"}).content.decode()
