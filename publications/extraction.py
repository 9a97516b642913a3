"""Text of PDF, DOCX and ODT files, page by page, with maintained libraries and no service.

A PDF gives one text per page (pypdf). A DOCX or ODT file has no pages until a word processor
lays it out, so it is split at the page breaks its author put in (none: one page), which
keeps "page N" meaning what the author sees in the file.
"""

import logging
import re

logger = logging.getLogger(__name__)

SPACES = re.compile(r"[ \t\u00a0]+")


class UnreadableFile(Exception):
    """The file is damaged or not what its extension says."""


def kind_of(filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return extension if extension in EXTRACTORS else None


def extract(file, filename):
    """[(page number from 1, text)] of the pages that have text; raises UnreadableFile."""
    extractor = EXTRACTORS[kind_of(filename)]
    try:
        pages = extractor(file)
    except Exception as error:  # each library has its own errors for a damaged file
        raise UnreadableFile(str(error)) from error
    return [(number, text) for number, text in enumerate(pages, start=1) if text]


def tidy(text):
    lines = (SPACES.sub(" ", line).strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def pdf_pages(file):
    from pypdf import PdfReader

    return [tidy(page.extract_text()) for page in PdfReader(file).pages]


def docx_pages(file):
    from docx import Document

    pages, current = [], []
    for paragraph in Document(file).paragraphs:
        if paragraph.paragraph_format.page_break_before and current:
            pages.append(current)
            current = []
        current.append(paragraph.text)
        if paragraph._p.xpath(".//w:br[@w:type='page']"):
            pages.append(current)
            current = []
    pages.append(current)
    return [tidy("\n".join(page)) for page in pages]


def odt_pages(file):
    from odf import teletype
    from odf.opendocument import load

    document = load(file)
    breaking = page_break_styles(document)
    pages, current = [], []
    for element in walk_paragraphs(document.text):
        style = element.getAttribute("stylename")
        if style in breaking["before"] and current:
            pages.append(current)
            current = []
        current.append(teletype.extractText(element))
        if style in breaking["after"]:
            pages.append(current)
            current = []
    pages.append(current)
    return [tidy("\n".join(page)) for page in pages]


def walk_paragraphs(node):
    """Paragraphs and headings in document order (lists and tables included)."""
    for child in node.childNodes:
        if child.qname and child.qname[1] in ("p", "h"):
            yield child
        elif child.childNodes:
            yield from walk_paragraphs(child)


def page_break_styles(document):
    from odf.style import ParagraphProperties, Style

    found = {"before": set(), "after": set()}
    for style in document.automaticstyles.getElementsByType(Style) + document.styles.getElementsByType(Style):
        for properties in style.getElementsByType(ParagraphProperties):
            for side in found:
                if properties.getAttribute(f"break{side}") == "page":
                    found[side].add(style.getAttribute("name"))
    return found


EXTRACTORS = {"pdf": pdf_pages, "docx": docx_pages, "odt": odt_pages}
