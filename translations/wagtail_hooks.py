from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from translations import urls
from translations.dashboard import TranslationCountsPanel


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translations/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return MenuItem(_("Translation status"), reverse("translations:report"), name="translation-status", icon_name="site", order=900)


@hooks.register("construct_homepage_panels")
def add_translation_counts(request, panels):
    panels.append(TranslationCountsPanel())
