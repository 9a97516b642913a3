"""Whitelist sanitising of stored rich text (Wagtail's database format) before it is shown.

nh3 (the Python binding of the Rust `ammonia` sanitiser) keeps only the elements and
attributes that Wagtail's rich text editor itself produces, and only safe URL schemes, so
whatever reached the database by another road (an import, a crafted request) shows as
text and formatting, never as script.
"""

import nh3

# What Draftail's features store (Wagtail's database format, before expand_db_html).
TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "b", "i", "strong", "em", "u", "s", "sub", "sup",
    "code", "blockquote", "ul", "ol", "li", "a", "embed",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "linktype", "id"},  # external links; internal ones by linktype and id
    "embed": {"embedtype", "id", "format", "alt", "url"},  # images and media embeds
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_rich_text(html):
    """`html` in Wagtail's database format with everything outside the whitelist removed."""
    return nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
