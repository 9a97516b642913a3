"""What the exchange records: who contributed a practice, who contacted whom, who follows what."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from languages.codes import PORTAL_LANGUAGES


class Contribution(models.Model):
    """A practice shared from the public site, and the professional who shared it."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="contribution")
    contributor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contributions")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page} ({self.contributor})"


class ContactMessage(models.Model):
    """One message sent to a practice's contact person, kept for abuse handling: who, to whom,
    when. Never the body."""

    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_messages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+")
    recipient = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.sender} → {self.recipient} ({self.sent_at:%Y-%m-%d %H:%M})"


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Alert(models.Model):
    """Themes, target groups, Beneficiaries and/or a saved search a professional follows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    themes = models.ManyToManyField("practices.Theme", blank=True, related_name="+")
    target_groups = models.ManyToManyField("practices.TargetGroup", blank=True, related_name="+")
    beneficiaries = models.ManyToManyField("practices.Beneficiary", blank=True, related_name="+")
    query = models.CharField(max_length=200, blank=True)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    language = models.CharField(max_length=10, choices=PORTAL_LANGUAGES, default="en")
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user}: {self.query or self.get_frequency_display()}"
