"""The sign-up shown again after a post that failed the CSRF check (portal's CSRF_FAILURE_VIEW).

The issue asks that nothing typed is lost. Such a post may come from another site, which could
choose every value (its own e-mail address too): so the form comes back unsent, with a warning to
check every field, and without the passwords, which the visitor types again."""

from allauth.account.forms import SignupForm
from django.shortcuts import render

NOT_SHOWN_BACK = {"password1", "password2", "csrfmiddlewaretoken"}


def signup_refilled(request):
    typed = {name: value for name, value in request.POST.items() if name not in NOT_SHOWN_BACK}
    form = SignupForm(initial=typed)
    return render(request, "account/signup.html", {"form": form, "csrf_refused": True}, status=403)
