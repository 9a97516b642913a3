"""The focal points' admin views: the access requests of their Beneficiary, and the decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access_requests, verification
from accounts.choices import Status
from accounts.forms import ReasonForm
from practices.models import Beneficiary
from roles import focal_point_beneficiaries


def allowed_codes(request):
    codes = focal_point_beneficiaries(request.user)
    if not codes:
        raise PermissionDenied
    return codes


def request_list(request):
    codes = allowed_codes(request)
    visible = access_requests.visible_requests(request.user)
    status = request.GET.get("status", Status.PENDING)
    beneficiary = request.GET.get("beneficiary", "")
    counts = access_requests.counts(visible)
    beneficiaries = [
        {"beneficiary": b, "counts": [counts.get((b.code, s), 0) for s in Status.values]}
        for b in Beneficiary.objects.filter(code__in=codes)
    ]
    context = {
        "requests": access_requests.filtered(visible, status, beneficiary),
        "statuses": Status.choices,
        "status": status,
        "beneficiary": beneficiary,
        "beneficiaries": beneficiaries,
    }
    return render(request, "accounts/admin/request_list.html", context)


def own_request(request, pk):
    """A request of one of the user's Beneficiaries; any other is refused, as the admin refuses."""
    allowed_codes(request)
    profile = get_object_or_404(access_requests.with_details(), pk=pk)
    if not access_requests.may_decide(request.user, profile):
        raise PermissionDenied
    return profile


def request_detail(request, pk):
    profile = own_request(request, pk)
    return render(
        request, "accounts/admin/request_detail.html", {"profile": profile, "form": ReasonForm(), "status": Status}
    )


@require_POST
def decide(request, pk, action):
    if action not in ("approve", "decline", "withdraw"):
        raise Http404
    profile = own_request(request, pk)
    if action == "approve":
        verification.approve(profile, request.user)
        messages.success(request, _("%(name)s is now a verified professional.") % {"name": profile.name})
        return redirect("accounts_requests")
    form = ReasonForm(request.POST)
    if not form.is_valid():
        context = {"profile": profile, "form": form, "status": Status}
        return render(request, "accounts/admin/request_detail.html", context, status=400)
    decision = verification.decline if action == "decline" else verification.withdraw
    decision(profile, request.user, form.cleaned_data["reason"])
    messages.success(request, _("The decision on %(name)s has been saved.") % {"name": profile.name})
    return redirect("accounts_requests")
