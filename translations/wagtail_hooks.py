from django.urls import include, path, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from languages.fallbacks import SCRIPT_TWINS
from translations import script_fill, urls, views
from translations.dashboard import TranslationCountsPanel


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translations/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return MenuItem(
        _("Translation status"), reverse("translations:report"), name="translation-status", icon_name="site", order=900
    )


@hooks.register("construct_homepage_panels")
def add_translation_counts(request, panels):
    panels.append(TranslationCountsPanel())


@hooks.register("register_admin_urls")
def transliterate_urls():
    return [path("transliterate/<int:page_id>/<str:target>/", views.transliterate, name="portal_transliterate")]


@hooks.register("register_page_header_buttons")
def transliterate_buttons(page, user, view_name, next_url=None):
    """ "Fill Serbian (Latin) by transliteration" on pages written in only one script."""
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        return
    for target in SCRIPT_TWINS:
        if script_fill.fillable_fields(page, target):
            name = translation.get_language_info(target)["name_local"]
            url = reverse("portal_transliterate", args=[page.pk, target])
            label = gettext("Fill %(language)s by transliteration") % {"language": name}
            yield Button(label, url, icon_name="edit", priority=85)
