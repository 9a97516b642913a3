"""PDF, DOCX and ODT files made from text, one page per item: the demo's publications, the
tests' real files and the bench's 100-page PDF are made here, rather than committed as binaries."""

import html
import io

PDF_STYLE = "@page { size: A4; margin: 2cm } body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt }"


def pdf(pages, title=""):
    """A PDF with one page per text (WeasyPrint, which the printing app uses already)."""
    from weasyprint import HTML

    body = "".join(
        f'<section style="page-break-after: always">{paragraphs(text)}</section>'
        if number < len(pages)
        else f"<section>{paragraphs(text)}</section>"
        for number, text in enumerate(pages, start=1)
    )
    head = f"<title>{html.escape(title)}</title><style>{PDF_STYLE}</style>"
    document = f"<html><head>{head}</head><body>{body}</body></html>"
    return HTML(string=document).write_pdf()


def paragraphs(text):
    return "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n"))


def docx(pages):
    """A DOCX file, its pages separated by page breaks (python-docx)."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    for number, text in enumerate(pages, start=1):
        for part in text.split("\n\n"):
            document.add_paragraph(part)
        if number < len(pages):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt(pages):
    """An ODT file, each page after the first starting with a page break (odfpy)."""
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style
    from odf.text import P

    document = OpenDocumentText()
    new_page = Style(name="NewPage", family="paragraph")
    new_page.addElement(ParagraphProperties(breakbefore="page"))
    document.automaticstyles.addElement(new_page)
    for number, text in enumerate(pages, start=1):
        for index, part in enumerate(text.split("\n\n")):
            style = {"stylename": new_page} if number > 1 and index == 0 else {}
            document.text.addElement(P(text=part, **style))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


MAKERS = {"pdf": pdf, "docx": docx, "odt": odt}


def write(folder, name, kind, pages):
    """The file `name.kind` made from `pages` in `folder`; returns its path."""
    path = folder / f"{name}.{kind}"
    path.write_bytes(MAKERS[kind](pages))
    return path
