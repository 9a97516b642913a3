"""The table of contents of a page's PDF: the page says what it holds (`pdf_contents()`).

Each entry points at an id in the page's own template (the same HTML the page serves), and
its label is what the reader sees there: step titles through the page's fallback and Serbian
script, section headings in the interface language.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    anchor: str
    label: str
    level: int = 1


def contents(page):
    return page.pdf_contents() if hasattr(page, "pdf_contents") else []
