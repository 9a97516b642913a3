"""What a form posted without a valid CSRF token answers (CSRF_FAILURE_VIEW), in the visitor's language.

Django's own page is English and talks to developers. portal/csrf.py sends the sign-up to
accounts, which shows it again filled in; for the other forms nothing is read back from
a post that fails the check."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    return render(request, "security/csrf_failure.html", status=403)
