"""One answer to "Was this helpful?": which page, in which language, yes or no, a comment, when.

Nothing about who answered: no user, no address (the rate limit's counters live in the cache
for an hour and hold a hash of the address, never this table)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000


class Feedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.page_id} {self.language} {'yes' if self.helpful else 'no'}"
