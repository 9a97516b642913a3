"""The access requests in the Wagtail admin menu, for focal points, Editors and superusers."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import admin_views
from roles import focal_point_beneficiaries


class FocalPointMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(focal_point_beneficiaries(request.user))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("access-requests/", admin_views.request_list, name="accounts_requests"),
        path("access-requests/<int:pk>/", admin_views.request_detail, name="accounts_request"),
        path(
            "access-requests/<int:pk>/<str:action>/",
            admin_views.decide,
            name="accounts_decide",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return FocalPointMenuItem(_("Access requests"), reverse("accounts_requests"), icon_name="user", order=250)
