from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from publications.access import may_download
from publications.report import FilesWithoutTextView


@hooks.register("before_serve_document")
def refuse_hidden_publication_files(document, request):
    """A publication's file is served only to whoever may see the publication now."""
    if may_download(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


class EditorsMenuItem(MenuItem):
    """Shown to whoever may edit pages (editors, reviewers), as the report itself requires."""

    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/files-without-text/", FilesWithoutTextView.as_view(), name="publications_files_without_text"),
        path(
            "reports/files-without-text/results/",
            FilesWithoutTextView.as_view(results_only=True),
            name="publications_files_without_text_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return EditorsMenuItem(
        _("Files without text"),
        reverse("publications_files_without_text"),
        name="files-without-text",
        icon_name="doc-full",
        order=1200,
    )
