"""What search engines are told about a page's languages: hreflang alternates, x-default, the
canonical URL, and the sitemap's entries.

A page is announced only in the languages it is really written in, and in the other Serbian
script when it reaches that one by transliteration. A page that a visitor's language shows
only by fallback points its canonical link to the language its text is written in, so the
same text is not indexed under eight addresses.
"""

from django.utils import translation

from languages import i18n
from languages.codes import DEFAULT_LANGUAGE, LANGUAGE_CODES, bcp47
from languages.fallbacks import SCRIPT_TWINS


def page_languages(page):
    """The languages `page` is written in, and the Serbian script it reaches by transliteration."""
    written = set(i18n.written_languages(page))
    twins = {SCRIPT_TWINS[code] for code in written if code in SCRIPT_TWINS}
    return [code for code in LANGUAGE_CODES if code in written | twins]


def x_default(page, languages):
    """English where the page has it, else the language it was written in."""
    for code in (DEFAULT_LANGUAGE, page.source_language() if hasattr(page, "source_language") else None):
        if code in languages:
            return code
    return languages[0] if languages else DEFAULT_LANGUAGE


def page_url(page, language, request=None):
    """The page's absolute URL in `language`, on the host the request came to."""
    with translation.override(language):
        if request is None:
            return page.get_full_url()
        return request.build_absolute_uri(page.get_url(request=request))


def hreflang_links(page, request=None):
    """[{hreflang, href}] of a page: its languages, then x-default."""
    languages = page_languages(page)
    links = [{"hreflang": bcp47(code), "href": page_url(page, code, request)} for code in languages]
    default = x_default(page, languages)
    links.append({"hreflang": "x-default", "href": page_url(page, default, request)})
    return links


def canonical_url(page, request=None, language=None):
    """The page in the language the visitor of `language` reads it in: her own, or the one
    a fallback shows."""
    reading = i18n.reading(page, language or translation.get_language())
    return page_url(page, reading.language, request)


def sitemap_urls(page, request=None):
    """One sitemap entry per language of the page, each listing every other as an alternate."""
    links = hreflang_links(page, request)
    alternates = [{"lang_code": link["hreflang"], "location": link["href"]} for link in links]
    lastmod = page.last_published_at or page.latest_revision_created_at
    return [{"location": link["href"], "lastmod": lastmod, "alternates": alternates} for link in links[:-1]]
