"""The choices of an access request: the professional's role and the verification states."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    PRISON = "prison", _("Prison")
    PROBATION = "probation", _("Probation")
    HEALTH_CARE = "health", _("Health care")
    SOCIAL_WORK = "social", _("Social work")
    EDUCATION = "education", _("Education")
    CIVIL_SOCIETY = "civil", _("Civil society")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    # With a context: allauth's e-mail page has its own "Verified" (of an address), which a plain
    # msgid in locale/ would override with the professional's (masculine) form.
    VERIFIED = "verified", pgettext_lazy("access request status", "Verified")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
