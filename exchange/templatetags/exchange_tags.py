"""The exchange's links in the site header, for the verified professionals who may use them."""

from django import template

from roles import is_verified_professional

register = template.Library()


@register.inclusion_tag("exchange/header_links.html", takes_context=True)
def exchange_links(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"show": user is not None and is_verified_professional(user)}
