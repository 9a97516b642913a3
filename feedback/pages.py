"""Which pages ask "Was this helpful?" (FEEDBACK_PAGE_TYPES: practices, guides, the tool's
documentation, news and events) and which one an answer may be about."""

from django.conf import settings
from wagtail.models import Page


def asks_for_feedback(page):
    return isinstance(page, Page) and page._meta.label_lower in settings.FEEDBACK_PAGE_TYPES


def page_to_rate(page_id, request):
    """The live page of a feedback type that this visitor may see, or None."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    if not asks_for_feedback(page):
        return None
    if any(not restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        return None
    return page
