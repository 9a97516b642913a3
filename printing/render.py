"""HTML to PDF with WeasyPrint: fonts from the system (fontconfig), embedded as subsets.

WeasyPrint is imported on first use: it takes about a second to import, which no web request
that prints nothing should pay, nor any management command.
"""

import re
from functools import lru_cache

from django.contrib.staticfiles import finders

# print.css is what a browser prints with; pdf.css adds the cover, contents, page numbers and fonts.
STYLESHEETS = ("printing/print.css", "printing/pdf.css")
LINK_TO_PATH = re.compile(r'(<a\b[^>]*?\bhref=")(/[^/"][^"]*|/)(")')


@lru_cache(maxsize=1)
def stylesheets():
    import weasyprint

    return [weasyprint.CSS(string=open(finders.find(name), encoding="utf-8").read()) for name in STYLESHEETS]


@lru_cache(maxsize=1)
def fetcher():
    # The HTML refers to nothing that must be fetched (stylesheets come from files above): data:
    # URLs only, so rendering never waits on the network nor reads a file it is pointed at.
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, timeout=2)


def absolute_links(html, origin):
    """Links to the portal as full addresses: paper and a PDF read elsewhere have no host."""
    return LINK_TO_PATH.sub(lambda match: f"{match[1]}{origin}{match[2]}{match[3]}", html)


def html_to_pdf(html, base_url):
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher())
    return document.write_pdf(stylesheets=stylesheets())
