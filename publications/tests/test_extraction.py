"""Text extracted from real PDF, DOCX and ODT files at upload, page by page, in Cyrillic and
Albanian; a file without text reported to the editor."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from publications.adding import NewPublication, add_publication
from publications.models import DocumentPage, DocumentText
from publications.tests.texts import ALBANIAN_PAGES, SERBIAN_PAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["pdf", "docx", "odt"])
def test_the_text_of_each_page_is_extracted_when_a_file_is_uploaded(kind, sample_file):
    pages = [SERBIAN_PAGES[0], ALBANIAN_PAGES[0], SERBIAN_PAGES[3]]
    path = sample_file(kind, pages)
    document = Document.objects.create(title="Assessment", file=ContentFile(path.read_bytes(), name=path.name))

    assert DocumentText.objects.get(document=document).status == "text"
    extracted = list(DocumentPage.objects.filter(document=document).values_list("page_number", "text"))
    assert [number for number, _text in extracted] == [1, 2, 3]
    assert "ресоцијализације" not in extracted[0][1]  # each page holds its own text only
    assert "Процена регулаторног оквира" in extracted[0][1]
    assert "Vlerësimi i kuadrit rregullator" in extracted[1][1]  # ë kept
    assert "субвенцију за запошљавање" in " ".join(extracted[2][1].split())


def test_a_pdf_without_text_is_reported_to_the_editor(client, sample_file):
    scanned = sample_file("pdf", ["", ""], name="scanned-report")  # pages with no text layer
    page = add_publication(NewPublication(scanned, "en", "Scanned annual report", publish=True))
    assert DocumentText.objects.get(document=page.files.get().document).status == "no-text"

    editor = User.objects.create_user("library-editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Its text cannot be searched" in html

    # Reports → Files without text: each such file, with its publication (to edit) and language.
    readable = sample_file("pdf", ["Release planning."], name="readable-report")
    add_publication(NewPublication(readable, "sq", "Readable report", publish=True))
    assert "Files without text" in client.get("/admin/").content.decode()
    report = client.get("/admin/reports/files-without-text/").content.decode()
    assert "scanned report" in report and "Scanned annual report" in report
    assert f"/admin/pages/{page.pk}/edit/" in report and "English" in report
    assert "Readable report" not in report

    professional = User.objects.create_user("reader")
    professional.groups.add(Group.objects.get(name="Verified professionals"))
    client.force_login(professional)
    assert client.get("/admin/reports/files-without-text/").status_code in (302, 403)
