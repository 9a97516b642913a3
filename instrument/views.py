"""The tool's version proposal in the admin: read it, or accept it into a draft of the page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from instrument import proposal
from practices.models import ScreeningToolPage


def version_proposal(request, page_id):
    page = get_object_or_404(ScreeningToolPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        proposal.accept(page, request.user)
        messages.success(request, _("A draft with the proposed version was saved: check it and submit it for review."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request, "instrument/version_proposal.html", {"page": page, "proposal": proposal.propose(page)}
    )
