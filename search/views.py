from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from curation.links import track
from curation.recording import record_search
from search import navigation, results
from search.autocomplete import complete
from search.limits import MAX_QUERY_LENGTH
from search.params import BadParameter, parse, parse_autocomplete
from search.service import run_search


@require_GET
def search(request):
    context = {"search_query": request.GET.get("q", "")[:MAX_QUERY_LENGTH]}
    try:
        search_request = parse(request.GET, request.user)
    except BadParameter as error:
        context["error"] = error
        return TemplateResponse(request, "search/search.html", context, status=400)
    if search_request.query or search_request.filters:
        found = run_search(search_request)
        if search_request.query:
            if search_request.page == 1:  # a new search, not a further page of one
                record_search(search_request.query, search_request.language, found.count)
            track(found.results, search_request.query, (search_request.page - 1) * search_request.page_size + 1)
        context.update(
            results=found,
            request_params=search_request,
            facet_groups=navigation.facet_groups(found.facets, search_request, request.GET),
            pagination=navigation.pagination(found.count, search_request, request.GET),
            sort_fields=navigation.hidden_fields(request.GET, without=("sort",)),
            suggestion_url=navigation.link(request.GET, q=found.suggestion, page=None) if found.suggestion else None,
        )
    return TemplateResponse(request, "search/search.html", context)


def bad_parameter(error):
    return JsonResponse({"error": error.message, "parameter": error.parameter}, status=400)


@require_GET
def search_api(request):
    try:
        search_request = parse(request.GET, request.user)
    except BadParameter as error:
        return bad_parameter(error)
    found = run_search(search_request)
    return JsonResponse(
        {
            "count": found.count,
            "page": search_request.page,
            "page_size": search_request.page_size,
            "results": [results.for_api(item) for item in found.results],
            "facets": found.facets,
            "suggestion": found.suggestion,
            "degraded": found.degraded,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def autocomplete_api(request):
    try:
        autocomplete_request = parse_autocomplete(request.GET, request.user)
    except BadParameter as error:
        return bad_parameter(error)
    suggestions, degraded = complete(autocomplete_request)
    return JsonResponse({"results": suggestions, "degraded": degraded}, json_dumps_params={"ensure_ascii": False})


@require_GET
def opensearch(request):
    """The OpenSearch description, so that browsers can add the portal's search (in the
    language of the URL it was fetched from)."""
    return TemplateResponse(
        request,
        "search/opensearch.xml",
        {
            "origin": f"{request.scheme}://{request.get_host()}",
            # Browsers list engines by the short name: at most 16 characters (OpenSearch 1.1).
            "short_name": _("Practice Portal"),
            "long_name": _("Prison and Probation Practice Portal"),
            "description": _("Search the portal"),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
