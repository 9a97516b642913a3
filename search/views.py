from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from search.params import BadParameter, parse
from search.service import run_search


@require_GET
def search(request):
    context = {"search_query": request.GET.get("q", "")[:256]}
    try:
        search_request = parse(request.GET, request.user)
    except BadParameter as error:
        context["error"] = error
        return TemplateResponse(request, "search/search.html", context)
    if search_request.query or search_request.filters:
        context["results"] = run_search(search_request)
        context["request_params"] = search_request
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def search_api(request):
    try:
        search_request = parse(request.GET, request.user)
    except BadParameter as error:
        return JsonResponse({"error": error.message, "parameter": error.parameter}, status=400)
    results = run_search(search_request)
    return JsonResponse(
        {
            "count": results.count,
            "page": search_request.page,
            "page_size": search_request.page_size,
            "results": [
                {key: item[key] for key in ("slug", "type", "title", "url", "language", "snippet", "beneficiaries")}
                for item in results.results
            ],
            "facets": results.facets,
            "suggestion": results.suggestion,
            "degraded": results.degraded,
        },
        json_dumps_params={"ensure_ascii": False},
    )
