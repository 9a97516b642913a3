from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from curation.links import is_internal
from curation.recording import record_open
from ratelimits.windows import over_limit


@never_cache
@require_GET
def open_result(request):
    """Counts an opened search result (query, language, position; nothing about the visitor)
    and redirects to it. A client over RATE_LIMIT_SEARCH_OPEN is still redirected (a visitor
    must reach the page) but not counted: a flood must not inflate the analytics."""
    target = request.GET.get("to", "")
    if not is_internal(target):
        return HttpResponseBadRequest("to: must be a path on this site", content_type="text/plain")
    try:
        position = int(request.GET.get("position", ""))
    except ValueError:
        position = 0
    if not over_limit(request, "search-open", settings.RATE_LIMIT_SEARCH_OPEN):
        record_open(request.GET.get("q", ""), translation.get_language(), position)
    return HttpResponseRedirect(target)
