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


class TranslationStatus(models.Model):
    """The status of one tracked object in one target language, as `status.object_rows` computes
    it from the object's current content (a page's latest revision).

    Stored so that the admin reads it with one query instead of recomputing every object on each
    view (translations/stored.py keeps it up to date; `rebuild_translation_status` recomputes it).
    `position` is the object's model's place in the report order, `language_position` the
    language's: the report sorts by them, then by object id, so its pages are stable.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    section = models.CharField(max_length=20)
    position = models.PositiveSmallIntegerField()
    language_position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=255)
    status = models.CharField(max_length=10)  # the headline: missing before outdated before current
    missing = models.BooleanField()
    outdated = models.BooleanField()
    fields = models.JSONField()  # field name -> status, in the model's order
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_status_per_object_and_language"
            )
        ]
        indexes = [
            models.Index(fields=["position", "object_id", "language_position"], name="translation_status_order"),
            models.Index(fields=["language", "position", "object_id"], name="translation_status_language"),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} [{self.language}] {self.status}"
