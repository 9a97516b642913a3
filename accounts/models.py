"""A professional's access request: who they are, where they work, and its verification."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.choices import Role, Status


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    name = models.CharField(_("name"), max_length=150)
    institution = models.CharField(_("Institution"), max_length=200)
    beneficiary = models.ForeignKey(
        "practices.Beneficiary", on_delete=models.PROTECT, related_name="+", verbose_name=_("Beneficiary")
    )
    role = models.CharField(_("Role"), max_length=20, choices=Role.choices)
    preferred_language = models.CharField(_("Preferred language"), max_length=10, choices=settings.LANGUAGES)
    statement = models.TextField(_("Short statement"), max_length=1000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("Reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        indexes = [models.Index(fields=["status", "beneficiary"])]

    def __str__(self):
        return f"{self.name} ({self.institution})"
