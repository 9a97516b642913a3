"""The exchange is for verified professionals: others are sent to log in, or told why not."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from roles import is_verified_professional


def verified_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())  # settings.LOGIN_URL, with ?next=
        if not is_verified_professional(request.user):
            return render(request, "exchange/not_verified.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
