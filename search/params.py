"""Reading search parameters from a request: the same rules for the page and the API."""

from django.utils import translation

from languages.codes import LANGUAGE_CODES
from search import visibility
from search.autocomplete import AutocompleteRequest
from search.facets import invalid_value, search_facets
from search.limits import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW
from search.queries import SearchRequest


class BadParameter(ValueError):
    def __init__(self, parameter, message):
        self.parameter = parameter
        self.message = message
        super().__init__(f"{parameter}: {message}")


def positive_int(params, name, default, maximum=None):
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, "must be a whole number") from None
    if value < 1:
        raise BadParameter(name, "must be 1 or more")
    if maximum and value > maximum:
        raise BadParameter(name, f"must be at most {maximum}")
    return value


def refuse_nul(params):
    """No language writes a NUL character and PostgreSQL stores none (the fallback and the term
    look-ups would fail with a server error): a parameter holding one is refused first."""
    for name, values in params.lists():
        if any("\x00" in value for value in values):
            raise BadParameter(name, "must not contain a NUL character")


def access(user):
    """(the index's access levels this visitor reads, the ids of pages hidden from her).

    The levels are the index's coarse first filter: `verified` (any restriction beyond a
    login) for whoever some group restriction opens to. The hidden ids are what the database
    says now (search.visibility), so a group restriction opens only to its groups, a password
    never, and a stale document never shows."""
    levels, hidden, _state = access_at(user)
    return levels, hidden


def access_at(user):
    """access(), and the index queue's state it was decided at (search.visibility.stamp()),
    for a cache of what depends on both: the queue is then read once, not twice."""
    viewer, seen, hidden = visibility.for_user(user)
    if not viewer.signed_in:
        return ("public",), hidden, seen.stamp
    if seen.opens_any_group_to(viewer):
        return ("public", "login", "verified"), hidden, seen.stamp
    return ("public", "login"), hidden, seen.stamp


def query_text(params):
    query = params.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise BadParameter("q", f"must be at most {MAX_QUERY_LENGTH} characters")
    return query


def visitor_language(params):
    language = params.get("lang") or translation.get_language() or "en"
    if language not in LANGUAGE_CODES:
        raise BadParameter("lang", f"must be one of {', '.join(LANGUAGE_CODES)}")
    return language


def parse_autocomplete(params, user):
    refuse_nul(params)
    query, language = query_text(params), visitor_language(params)
    levels, hidden = access(user)
    return AutocompleteRequest(query=query, language=language, access=levels, hidden=hidden)


def facet_filters(params):
    """{URL parameter: value} of the facets chosen; a value no facet knows is refused here,
    so that it never reaches Elasticsearch (whose refusal would force the database path)."""
    filters = {}
    for facet in search_facets():
        value = params.get(facet.param, "").strip()
        if not value:
            continue
        problem = invalid_value(facet, value)
        if problem:
            raise BadParameter(facet.param, problem)
        filters[facet.param] = value
    return filters


def parse(params, user):
    refuse_nul(params)
    query = query_text(params)
    language = visitor_language(params)
    filters = facet_filters(params)
    sort = params.get("sort", "relevance")
    if sort not in {"relevance", "newest"}:
        raise BadParameter("sort", "must be relevance or newest")
    page = positive_int(params, "page", 1)
    page_size = positive_int(params, "page_size", 20, MAX_PAGE_SIZE)
    if page * page_size > MAX_RESULT_WINDOW:
        # Elasticsearch refuses deeper pages; a 400 here rather than a degraded search.
        raise BadParameter("page", f"page × page_size must be at most {MAX_RESULT_WINDOW}")
    levels, hidden = access(user)
    return SearchRequest(
        query=query,
        language=language,
        filters=filters,
        page=page,
        page_size=page_size,
        sort=sort,
        access=levels,
        hidden=hidden,
    )
