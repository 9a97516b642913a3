"""The Content-Security-Policy: strict on the public site, looser on the Wagtail admin only."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ScopedCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY under ADMIN_PATH_PREFIX.

    Wagtail's admin writes inline scripts and style attributes; the public templates do not,
    so only the admin's responses allow them (settings.py says which directives differ)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            return PolicyParts(settings.ADMIN_CONTENT_SECURITY_POLICY, parts.update, parts.replace, parts.nonce)
        return parts
