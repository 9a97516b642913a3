"""The signed-in professional's own page: their request, its state, and the details they may change."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.forms import ProfileForm
from accounts.models import Profile


@login_required
def profile(request):
    own = Profile.objects.filter(user=request.user).select_related("beneficiary").first()
    form = ProfileForm(request.POST or None, instance=own) if own else None
    if form is not None and request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts_profile")
    return render(request, "accounts/profile.html", {"profile": own, "form": form})
