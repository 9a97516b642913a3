"""`{% feedback_form %}`: "Was this helpful?" under a page of a feedback type.

Rendered from base.html, so the PDF layouts (which use their own base) never show it; the
feature apps reach each other's pages through template tags, never imports."""

from django import template

from feedback.pages import asks_for_feedback
from feedback.tokens import make_token

register = template.Library()


@register.inclusion_tag("feedback/form.html", takes_context=True)
def feedback_form(context, page=None, form=None):
    page = page or context.get("page")
    request = context.get("request")
    if request is None or not asks_for_feedback(page):
        return {"show": False}
    return {
        "show": True,
        "page_id": page.pk,
        "token": make_token(page.pk),
        "form": form,
        "thanks": form is None and request.GET.get("feedback") == "thanks",
    }
