"""Admin: the "fill the other Serbian script" action on pages written in only one script."""

from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from portal import admin_views, script_fill
from portal.fallbacks import SCRIPT_TWINS


@hooks.register("register_admin_urls")
def transliterate_urls():
    return [path("transliterate/<int:page_id>/<str:target>/", admin_views.transliterate, name="portal_transliterate")]


@hooks.register("register_page_header_buttons")
def transliterate_buttons(page, user, view_name, next_url=None):
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        return
    for target in SCRIPT_TWINS:
        if script_fill.fillable_fields(page, target):
            name = translation.get_language_info(target)["name_local"]
            url = reverse("portal_transliterate", args=[page.pk, target])
            yield Button(_("Fill %(language)s by transliteration") % {"language": name}, url, icon_name="edit", priority=85)
