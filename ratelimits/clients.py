"""Who a request comes from, for rate limits and login throttling: one place, which security,
feedback and curation all read (they may not import one another)."""

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
