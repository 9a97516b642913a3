"""What a form posted without a valid CSRF token answers (CSRF_FAILURE_VIEW), in the visitor's language.

Django's own page is English and talks to developers. The form cannot be shown again filled in:
a post that fails the check is not trusted, so nothing in it is read back."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    return render(request, "security/csrf_failure.html", status=403)
