from django import template
from django.utils import translation

from search.params import access_at
from search.similar import SimilarRequest, similar_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def similar(context, page):
    """Up to five pages like `page` that the visitor may see, as search results."""
    request = context.get("request")
    if request is None:
        return []
    levels, hidden, state = access_at(request.user)
    language = translation.get_language()
    return similar_pages(SimilarRequest(page, language, levels, tuple(hidden), state))
