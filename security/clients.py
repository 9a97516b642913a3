"""Who a request comes from, for rate limits and login throttling."""

from django.conf import settings


def client_ip(request):
    """The socket's address, unless the deployment says a proxy in front sets CLIENT_IP_HEADER.

    A client can send any X-Forwarded-For it likes; only the entry our own proxy appended (the
    last one) is its real address, and only when that proxy exists."""
    header = settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def login_name(request, credentials):
    """The name a login was tried with, for django-axes: the admin's form sends `username`, the
    public login (allauth) authenticates with `email` and posts it as `login`. Case-folded, so
    "Name@Example.org" and "name@example.org" count as one."""
    credentials = credentials or {}
    name = credentials.get("username") or credentials.get("email")
    if not name and request is not None:
        name = request.POST.get("username") or request.POST.get("login")
    return (name or "").strip().lower()
