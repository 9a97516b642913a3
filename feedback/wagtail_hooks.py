"""Reports → Least helpful pages, for whoever may edit pages (editors, reviewers)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from feedback.report import LeastHelpfulPagesView


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/least-helpful/", LeastHelpfulPagesView.as_view(), name="feedback_report"),
        path(
            "reports/least-helpful/results/",
            LeastHelpfulPagesView.as_view(results_only=True),
            name="feedback_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return EditorsMenuItem(
        _("Least helpful pages"),
        reverse("feedback_report"),
        name="least-helpful-pages",
        icon_name="comment",
        order=1100,
    )
