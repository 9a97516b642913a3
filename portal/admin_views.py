"""Admin view that accepts the automatic Serbian transliteration into a page's fields."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import script_fill
from portal.fallbacks import SCRIPT_TWINS


def transliterate(request, page_id, target):
    if target not in SCRIPT_TWINS:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    names = {
        "target": translation.get_language_info(target)["name_local"],
        "source": translation.get_language_info(SCRIPT_TWINS[target])["name_local"],
    }
    if request.method == "POST":
        try:
            filled = script_fill.fill_as_draft(page, target, request.user)
        except ValidationError as error:
            messages.error(request, _("Nothing was saved: %(errors)s") % {"errors": "; ".join(error.messages)})
            return redirect(edit_url)
        if filled:
            messages.success(
                request,
                _("%(count)d field(s) in %(target)s filled by transliteration from %(source)s and saved as a draft; review it and publish it as usual.")
                % {"count": len(filled), **names},
            )
        else:
            messages.warning(request, _("There were no empty fields in %(target)s to fill from %(source)s.") % names)
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "portal/admin/transliterate.html",
        {
            "page": page,
            "fields": script_fill.fillable_fields(page.get_latest_revision_as_object(), target),
            "edit_url": edit_url,
            "header_title": _("Fill %(target)s from %(source)s") % names,
            "page_title": _("Fill %(target)s from %(source)s") % names,
            "header_icon": "doc-full",
            **names,
        },
    )
