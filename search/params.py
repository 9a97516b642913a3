"""Reading search parameters from a request: the same rules for the page and the API."""

from django.utils import translation

from languages.codes import LANGUAGE_CODES
from roles import is_verified_professional
from search.autocomplete import AutocompleteRequest
from search.queries import FACETS, MAX_QUERY_LENGTH, SearchRequest

MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window


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


def access_levels(user):
    if is_verified_professional(user):
        return ("public", "login", "verified")
    if user.is_authenticated:
        return ("public", "login")
    return ("public",)


def known_beneficiaries():
    from practices.models import Beneficiary

    return set(Beneficiary.objects.values_list("code", flat=True))


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
    return AutocompleteRequest(query=query_text(params), language=visitor_language(params), access=access_levels(user))


def parse(params, user):
    query = query_text(params)
    language = visitor_language(params)
    filters = {name: params.get(name, "").strip() for name in FACETS if params.get(name, "").strip()}
    if "beneficiary" in filters and filters["beneficiary"] not in known_beneficiaries():
        raise BadParameter("beneficiary", "unknown Beneficiary code")
    if "language" in filters and filters["language"] not in LANGUAGE_CODES:
        raise BadParameter("language", f"must be one of {', '.join(LANGUAGE_CODES)}")
    if "year" in filters and not filters["year"].isdigit():
        raise BadParameter("year", "must be a year such as 2021")
    sort = params.get("sort", "relevance")
    if sort not in {"relevance", "newest"}:
        raise BadParameter("sort", "must be relevance or newest")
    page = positive_int(params, "page", 1)
    page_size = positive_int(params, "page_size", 20, MAX_PAGE_SIZE)
    if page * page_size > MAX_RESULT_WINDOW:
        # Elasticsearch refuses deeper pages; a 400 here rather than a degraded search.
        raise BadParameter("page", f"page × page_size must be at most {MAX_RESULT_WINDOW}")
    return SearchRequest(
        query=query,
        language=language,
        filters=filters,
        page=page,
        page_size=page_size,
        sort=sort,
        access=access_levels(user),
    )
