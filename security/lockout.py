"""What a locked-out login sees (django-axes calls this instead of its English-only text)."""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def locked_out(request, original_response=None, credentials=None):
    # Each attempt during the lockout starts it again (axes' default), so it ends this long from now.
    until = timezone.localtime() + settings.AXES_COOLOFF_TIME
    return render(request, "security/locked_out.html", {"until": until}, status=429)
