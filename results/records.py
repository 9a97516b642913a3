"""Training and event records of the regional action: counts only, no personal data."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from languages.codes import LANGUAGE_CODES

# Participants are counted twice over, by the institution they work for and by gender; both
# breakdowns describe the same people, so their totals must agree.
INSTITUTION_FIELDS = ("participants_prison", "participants_probation", "participants_other")
GENDER_FIELDS = ("participants_women", "participants_men", "participants_gender_other")


class RecordType(models.TextChoices):
    TRAINING = "training", _("Training")
    STUDY_VISIT = "study-visit", _("Study visit")
    CONFERENCE = "conference", _("Conference")


def count_field(label):
    return models.PositiveIntegerField(label, default=0)


@register_snippet
class TrainingRecord(index.Indexed, ClusterableModel):
    """A snippet, not a page: a record is data that the results page counts and `import_trainings`
    loads in bulk; visitors read it through the charts, so it needs no URL, template or tree place."""

    slug = models.SlugField(
        _("record identifier"),
        max_length=100,
        unique=True,
        help_text=_("Stable identifier used by imports; set once, never changes."),
    )
    record_type = models.CharField(_("type"), max_length=20, choices=RecordType.choices, default=RecordType.TRAINING)
    # Required in one language at least (clean), not necessarily English: a record may be written
    # in Serbian only, as a practice may.
    title = models.CharField(_("title"), max_length=255, blank=True)
    topic = models.CharField(_("topic"), max_length=255, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    beneficiary = models.ForeignKey(
        "practices.Beneficiary",
        on_delete=models.PROTECT,
        related_name="training_records",
        verbose_name=_("beneficiary"),
    )
    trainers = models.TextField(_("trainers"), blank=True, help_text=_("Names or institutions, one a line."))
    participants_prison = count_field(_("prison staff"))
    participants_probation = count_field(_("probation staff"))
    participants_other = count_field(_("other institutions"))
    participants_women = count_field(_("women"))
    participants_men = count_field(_("men"))
    participants_gender_other = count_field(_("other or undisclosed"))

    panels = [
        FieldPanel("slug"),
        FieldPanel("record_type"),
        FieldPanel("title"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("place"),
        FieldPanel("beneficiary"),
        FieldPanel("trainers"),
        MultiFieldPanel([FieldPanel(name) for name in INSTITUTION_FIELDS], heading=_("Participants by institution")),
        MultiFieldPanel([FieldPanel(name) for name in GENDER_FIELDS], heading=_("Participants by gender")),
        InlinePanel("materials", label=_("Materials")),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("topic"), index.FilterField("start_date")]

    class Meta:
        ordering = ["-start_date", "slug"]
        verbose_name = _("training or event record")
        verbose_name_plural = _("training and event records")

    def __str__(self):
        return self.title or self.slug

    @property
    def participants(self):
        return sum(getattr(self, name) for name in INSTITUTION_FIELDS)

    def clean(self):
        super().clean()
        errors = {}
        if not any(getattr(self, build_localized_fieldname("title", code), "") for code in LANGUAGE_CODES):
            errors["title"] = _("A title in the original language is required.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("A record cannot end before it starts.")
        if self.participants != sum(getattr(self, name) or 0 for name in GENDER_FIELDS):
            errors["participants_gender_other"] = _(
                "Participants by gender must add up to the participants by institution."
            )
        if errors:
            raise ValidationError(errors)


class TrainingMaterial(Orderable):
    record = ParentalKey(TrainingRecord, on_delete=models.CASCADE, related_name="materials")
    # The chooser offers publications; the key stays a page so that a record imported before its
    # material is published as a publication keeps the link (the importer accepts any page's slug).
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))

    panels = [PageChooserPanel("page", page_type="publications.PublicationPage")]
