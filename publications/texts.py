"""Extracting an uploaded document's text into DocumentPage rows, and what editors are told."""

import logging

from django.db import transaction

from publications import extraction
from publications.models import DocumentPage, DocumentText, ExtractionStatus, PublicationFile

logger = logging.getLogger(__name__)


def extract_document(document):
    """Read `document`'s file and store its text page by page; returns its DocumentText.

    Runs once per file (its hash): re-saving a document's title does not read it again."""
    known = DocumentText.objects.filter(document=document).first()
    file_hash = document.file_hash or ""
    if known and file_hash and known.file_hash == file_hash:
        return known
    status, pages = read_pages(document)
    with transaction.atomic():
        DocumentPage.objects.filter(document=document).delete()
        DocumentPage.objects.bulk_create(
            DocumentPage(document=document, page_number=number, text=text) for number, text in pages
        )
        # Saved last: its signal reindexes the publications that use the document.
        found, _created = DocumentText.objects.update_or_create(
            document=document,
            defaults={"status": status, "page_count": len(pages), "file_hash": file_hash},
        )
    return found


def read_pages(document):
    """(status, [(page number, text)])."""
    if extraction.kind_of(document.filename) is None:
        return ExtractionStatus.UNSUPPORTED, []
    try:
        with document.open_file() as file:
            pages = extraction.extract(file, document.filename)
    except (extraction.UnreadableFile, OSError) as error:
        logger.warning("no text extracted from document %s (%s): %s", document.pk, document.filename, error)
        return ExtractionStatus.FAILED, []
    return (ExtractionStatus.TEXT if pages else ExtractionStatus.NO_TEXT), pages


def without_text(documents):
    """The documents among `documents` (a queryset) whose text could not be extracted: scanned
    PDFs, damaged files and other formats, for the editor's attention."""
    readable = DocumentText.objects.filter(status=ExtractionStatus.TEXT).values("document_id")
    return documents.exclude(pk__in=readable)


def files_without_text():
    """Every publication's file whose text could not be extracted (a scanned PDF, a file that
    could not be read): what editors should replace, by publication title then language."""
    return (
        PublicationFile.objects.filter(document__extracted_text__isnull=False)
        .exclude(document__extracted_text__status=ExtractionStatus.TEXT)
        .select_related("page", "document__extracted_text")
        .order_by("page__title", "language", "pk")
    )
