"""News for other apps' templates (the home page, Beneficiary pages), which import no news code."""

from django import template

from news import selection

register = template.Library()


@register.simple_tag
def latest_news(limit=3):
    return selection.latest_news(limit)


@register.simple_tag
def news_index():
    return selection.news_index()


@register.simple_tag(takes_context=True)
def beneficiary_news(context, beneficiary):
    request = context.get("request")
    return selection.beneficiary_items(beneficiary.code, getattr(request, "user", None))


@register.inclusion_tag("news/includes/item.html", takes_context=True)
def news_item(context, item, heading="h3"):
    """One news article or event as a card, wherever it is listed."""
    return {"item": item, "heading": heading, "LANGUAGE_CODE": context.get("LANGUAGE_CODE")}
