from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationRecord(models.Model):
    """When one translated field was last changed, and which version of the source it translates.

    `source_digest` is the digest of the source text at the moment the translation last
    changed: if the source's digest differs now, the translation is outdated.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    field = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    source_digest = models.CharField(max_length=64)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"], name="one_record_per_translation"
            )
        ]
        verbose_name = _("translation record")

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.field} [{self.language}]"
