"""Good-practice records and their listing."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from languages.pages import SourceLanguageMixin
from practices.models.base import TranslatedContentPage
from practices.related import live_related
from printing.routes import PdfRouteMixin
from roles import is_verified_professional
from roles.restrictions import visible_lists
from searchable.listings import ListsPages

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]


class PracticeStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    ENDED = "ended", _("Ended")


class EvaluationLevel(models.TextChoices):
    NONE = "none", _("No evaluation")
    MONITORING = "monitoring", _("Monitoring data")
    INTERNAL = "internal", _("Internal evaluation")
    EXTERNAL = "external", _("External evaluation")


class PracticeIndexPage(ListsPages, SourceLanguageMixin, Page):
    """Lists practices, filtered by the facets their type declares (search_types.py)."""

    listed_type = "practices.PracticePage"

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["practices.PracticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("practice index")


class PracticePage(PdfRouteMixin, TranslatedContentPage):
    """A good practice as the Beneficiaries exchange it (the EU RAN practice template and more)."""

    summary = models.TextField(_("summary"), blank=True)
    problem = models.TextField(_("problem addressed"), blank=True)
    approach = RichTextField(_("approach"), blank=True, features=RICH_FEATURES)
    beneficiaries = ParentalManyToManyField(
        "practices.Beneficiary", related_name="practices", verbose_name=_("beneficiaries")
    )
    setting = models.ForeignKey(
        "practices.Setting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("setting"),
    )
    themes = ParentalManyToManyField("practices.Theme", blank=True, related_name="practices", verbose_name=_("themes"))
    target_groups = ParentalManyToManyField(
        "practices.TargetGroup", blank=True, related_name="practices", verbose_name=_("target groups")
    )
    institutions = models.TextField(_("implementing institutions and partners"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PracticeStatus.choices, default=PracticeStatus.ONGOING
    )
    resources = models.TextField(_("resources and staff needed"), blank=True)
    evaluation_level = models.CharField(
        _("evidence and evaluation"), max_length=12, choices=EvaluationLevel.choices, default=EvaluationLevel.NONE
    )
    results = models.TextField(_("results"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    transferability = models.TextField(
        _("transferability"), blank=True, help_text=_("What another Beneficiary needs to replicate it.")
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    related_practices = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related practices")
    )
    related_guides = ParentalManyToManyField(
        "practices.GuidePage", blank=True, related_name="related_practices", verbose_name=_("related guides")
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("original_language"),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        MultiFieldPanel(
            [
                FieldPanel("beneficiaries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("setting"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("institutions"), FieldPanel("start_year"), FieldPanel("status"), FieldPanel("resources")],
            heading=_("Implementation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("evaluation_level"),
                FieldPanel("results"),
                FieldPanel("lessons_learned"),
                FieldPanel("transferability"),
            ],
            heading=_("Evidence and transfer"),
        ),
        InlinePanel("attachments", label=_("Attachments")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact (shown to verified professionals only)"),
        ),
        MultiFieldPanel(
            [FieldPanel("related_practices"), FieldPanel("related_guides"), FieldPanel("last_reviewed")],
            heading=_("Related content and review"),
        ),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["show_contact"] = is_verified_professional(request.user)
        # Stored by editors; only what this visitor may open (one look at the restrictions for both).
        context["related_practices"], context["related_guides"] = visible_lists(
            request.user, *live_related(self, "related_practices", "related_guides")
        )
        context["attachments"] = self.attachments.select_related("document")
        return context


class PracticeAttachment(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("label"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]
