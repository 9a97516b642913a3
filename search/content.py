"""A searchable page's texts per language, as plain text, and who may see it."""

import re
from html import unescape

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import PageViewRestriction

from languages.codes import LANGUAGE_CODES

TAG = re.compile(r"<[^>]*>")


def localized(obj, name, language):
    return getattr(obj, build_localized_fieldname(name, language), None) or ""


def as_text(value):
    if hasattr(value, "raw_data"):  # a StreamField value: every string in it
        return " ".join(strings(value.raw_data))
    return plain(str(value or ""))


def plain(html):
    """Rich text as words: tags become spaces (so "</p><p>" never glues two words
    together), entities become characters."""
    if "<" not in html and "&" not in html:
        return html.strip()
    return " ".join(unescape(TAG.sub(" ", html)).split())


def strings(data):
    if isinstance(data, str):
        yield plain(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in {"id", "type"}:
                yield from strings(value)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from strings(item)


def language_texts(page, declaration, language):
    """{title, summary, body} of `page` written in `language`, or None if it is not;
    `declaration` is the page type's `searchable.SearchableType`."""
    title = localized(page, declaration.title, language)
    if not title:
        return None
    body = [as_text(localized(page, name, language)) for name in declaration.body]
    if declaration.extra_body:
        body += declaration.extra_body(language)
    summary = declaration.summary
    return {
        "title": title,
        "summary": as_text(localized(page, summary, language)) if summary else "",
        "body": "\n".join(part for part in body if part),
    }


def view_restrictions():
    """Every view restriction as (path of the restricted page, type): one query, so that a
    batch of pages needs no restriction query of its own."""
    return list(PageViewRestriction.objects.values_list("page__path", "restriction_type"))


def access_level(page, restrictions):
    """Who may see the page: `public`, `login` (any signed-in user) or `verified`.

    A restriction on a page applies to its descendants too; `restrictions` is
    `view_restrictions()`."""
    types = [kind for path, kind in restrictions if page.path.startswith(path)]
    if not types:
        return "public"
    if all(kind == PageViewRestriction.LOGIN for kind in types):
        return "login"
    return "verified"


def available_languages(page):
    return [code for code in LANGUAGE_CODES if localized(page, "title", code)]
