from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from curation.admin_views import PERMISSION, search_report
from curation.models import Pick, Synonym

register_snippet(Pick)
register_snippet(Synonym)


class PermittedMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search-terms/", search_report, name="curation_search_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return PermittedMenuItem(
        _("Search terms"), reverse("curation_search_report"), name="search-terms", icon_name="search", order=900
    )
