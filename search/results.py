"""A search result in one shape, whatever found it: the index, the database fallback or
autocomplete. The page, the API and the bench all read results built here.

A result is shown in what the visitor reads (`languages.fallbacks.Reading`): the title and
snippet come from the reading's source language, transliterated into the visitor's Serbian
script when the two differ.
"""

from django.utils import translation

import searchable
from languages.fallbacks import choose, in_script
from search.analysis import field_suffix
from search.content import as_text, available_languages, localized
from search.documents import SNIPPET_FIELD
from search.limits import SNIPPET_LENGTH

# What the search API returns of each result; autocomplete returns less.
API_FIELDS = ("slug", "type", "title", "url", "language", "snippet", "pick")
AUTOCOMPLETE_FIELDS = ("title", "url", "type", "language")


def result_facets():
    """The declared facets whose values every result carries (`Facet.in_results`)."""
    return [facet for facet in searchable.facets() if facet.in_results]


def api_fields():
    return (*API_FIELDS, *(facet.index_field for facet in result_facets()))


def build(
    reading, *, page_id, slug, type, title, url, snippet="", snippet_is_html=False, facets=None, document_page=None
):
    result = in_script(
        reading,
        {
            "page_id": page_id,
            "slug": slug,
            "type": type,
            "title": title,
            "url": url,
            "language": reading.language,
            "snippet": snippet,
            "snippet_is_html": snippet_is_html,
            "pick": False,  # an editor's pick (search.picks) says True
            **(facets or {}),
        },
    )
    if document_page is not None:
        # A page of a publication's file: `url` opens the file at that page (#page=N).
        result["document_page"] = document_page
    return result


def from_hit(hit, reading, highlight=None):
    """A result from an index hit; `highlight` the marked snippet, if the summary had words."""
    suffix = field_suffix(reading.source)
    summary = getattr(hit, f"{SNIPPET_FIELD}_{suffix}", "") or ""
    return build(
        reading,
        page_id=getattr(hit, "page_id", None),
        slug=getattr(hit, "slug", ""),
        type=hit.type,
        title=getattr(hit, f"title_{suffix}", ""),
        url=urls_of(hit).get(reading.language, ""),
        snippet=highlight or summary[:SNIPPET_LENGTH],
        snippet_is_html=bool(highlight),
        facets={facet.index_field: list(getattr(hit, facet.index_field, None) or []) for facet in result_facets()},
        document_page=getattr(hit, "document_page", None),
    )


def urls_of(hit):
    """{language: URL} of a hit: a plain dict (search.hits) or a dsl one (autocomplete, similar)."""
    urls = getattr(hit, "urls", None) or {}
    return urls.to_dict() if hasattr(urls, "to_dict") else urls


def from_page(page, language):
    """A result from a live page (specific instance), for a visitor of `language`."""
    declaration = searchable.type_for(type(page))
    reading = choose(language, available_languages(page), declaration.original_language_of(page))
    with translation.override(reading.language):
        url = page.get_url()
    summary = as_text(localized(page, declaration.summary, reading.source)) if declaration.summary else ""
    return build(
        reading,
        page_id=page.pk,
        slug=declaration.identifier_of(page),
        type=declaration.name,
        title=localized(page, declaration.title, reading.source),
        url=url,
        snippet=summary[:SNIPPET_LENGTH],
        facets={facet.index_field: page_facet_values(page, declaration, facet) for facet in result_facets()},
    )


def page_facet_values(page, declaration, facet):
    # The type's own declaration of the facet: types share a parameter through different
    # relations (an event's one Beneficiary, a practice's many).
    own = next((own for own in declaration.facets if own.param == facet.param), None)
    if own is None:
        return []
    related = getattr(page, own.relation)
    if own.is_many(declaration.model):
        return [getattr(term, own.key) for term in related.all()]
    return [getattr(related, own.key)] if related else []


def pick(result, fields):
    return {name: result.get(name) for name in fields}


def for_api(result):
    """A result as the search API returns it: `document_page` too when it is a page of a file."""
    picked = pick(result, api_fields())
    if "document_page" in result:
        picked["document_page"] = result["document_page"]
    return picked
