"""The site's main menu: the sections directly under the home page."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live, public sections under the site's home page, in the editors' order.

    Restricted sections stay out of the menu: it is shown to everyone."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return [
        {"page": section, "active": bool(current_path) and current_path.startswith(section.path)}
        for section in site.root_page.get_children().live().public()
    ]
