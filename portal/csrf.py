"""CSRF_FAILURE_VIEW: the sign-up comes back filled in (accounts), every other form gets the
"form has expired" page (security). Here because the two feature apps do not import each other."""

from accounts.refilled_signup import signup_refilled
from security.csrf import csrf_failure as expired_form_page

REFILLED = {"account_signup": signup_refilled}


def csrf_failure(request, reason=""):
    match = getattr(request, "resolver_match", None)
    refill = REFILLED.get(match.url_name) if match else None
    if refill is not None and request.method == "POST":
        return refill(request)
    return expired_form_page(request, reason)
