"""The instrument in the admin: no Publish on its edit screens (a change goes through "Instrument
review"), and the tool's version proposal."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from instrument.setup import INSTRUMENT_SNIPPETS
from instrument.views import version_proposal
from practices.models import ScreeningToolPage


def is_instrument(obj):
    return isinstance(obj, (*INSTRUMENT_SNIPPETS, ScreeningToolPage))


@hooks.register("construct_snippet_action_menu")
def no_snippet_publish(menu_items, request, context):
    # Publishing from the edit screen publishes the editor's own change: no one may, not even a
    # Reviewer or an administrator; they submit it, and another Reviewer approves.
    if context.get("model") in INSTRUMENT_SNIPPETS:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu")
def no_page_publish(menu_items, request, context):
    if is_instrument(context.get("page")):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def refuse_own_publish(request, obj):
    """A crafted publish request gets what the missing button says."""
    if request.method == "POST" and "action-publish" in request.POST and is_instrument(obj):
        messages.error(request, _("Changes to the screening instrument are published by another reviewer's approval."))
        return redirect(request.get_full_path())
    return None


hooks.register("before_edit_snippet", refuse_own_publish)
hooks.register("before_edit_page", refuse_own_publish)


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action):
    # The explorer's bulk "Publish" would publish a Reviewer's own draft of the tool page.
    if action_type == "publish" and any(is_instrument(getattr(obj, "specific", obj)) for obj in objects):
        messages.error(request, _("Changes to the screening instrument are published by another reviewer's approval."))
        return redirect(request.GET.get("next") or reverse("wagtailadmin_home"))
    return None


@hooks.register("register_admin_urls")
def urls():
    return [path("instrument/version/<int:page_id>/", version_proposal, name="instrument_version_proposal")]


@hooks.register("register_page_header_buttons")
def proposal_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, ScreeningToolPage):
        yield Button(
            _("Propose the next version"),
            reverse("instrument_version_proposal", args=[page.pk]),
            icon_name="history",
            priority=70,
        )
