"""Documentation of the regional mental-health screening instrument for non-medical prison staff."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from practices.models.base import TranslatedContentPage
from practices.print_contents import screening_tool_contents
from printing.routes import ObservationFormPdfMixin, PdfRouteMixin, pdf_url


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Routine: refer within 7 days")
    PRIORITY = "priority", _("Priority: refer within 24 hours")
    URGENT = "urgent", _("Urgent: act during the same shift")


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """The instrument tells staff when and where to refer a person: a change to it is saved as a
    draft revision and goes live only when a Reviewer approves it (docs/editorial.md). The row
    holds the live state; drafts live in revisions."""

    class Meta:
        abstract = True


def reviewed_relations(name):
    """The revisions and workflow states of a reviewed snippet, as Wagtail's snippet models declare them."""
    generic = {"content_type_field": "base_content_type", "object_id_field": "object_id", "for_concrete_model": False}
    return (
        GenericRelation("wagtailcore.Revision", related_query_name=name, **generic),
        GenericRelation("wagtailcore.WorkflowState", related_query_name=name, **generic),
    )


@register_snippet
class IndicatorDomain(ReviewedSnippet, index.Indexed):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    revisions, workflow_states = reviewed_relations("indicator_domain")

    panels = [FieldPanel("slug"), FieldPanel("name"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("indicator domain")
        verbose_name_plural = _("indicator domains")

    def __str__(self):
        return self.name or self.slug


@register_snippet
class Indicator(ReviewedSnippet, index.Indexed):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    domain = models.ForeignKey(
        IndicatorDomain, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("domain")
    )
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE)
    name = models.CharField(_("name"), max_length=200)
    observable_signs = models.TextField(_("observable signs"), blank=True)
    examples = models.TextField(_("examples"), blank=True)
    what_to_do = models.TextField(_("what to do"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    revisions, workflow_states = reviewed_relations("indicator")

    panels = [
        FieldPanel("slug"),
        FieldPanel("domain"),
        FieldPanel("urgency"),
        FieldPanel("name"),
        FieldPanel("observable_signs"),
        FieldPanel("examples"),
        FieldPanel("what_to_do"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("observable_signs"), index.SearchField("what_to_do")]

    class Meta:
        ordering = ["domain__sort_order", "sort_order", "slug"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name or self.slug


@register_snippet
class ReferralPathway(ReviewedSnippet):
    beneficiary = models.OneToOneField(
        "practices.Beneficiary",
        on_delete=models.CASCADE,
        related_name="referral_pathway",
        verbose_name=_("beneficiary"),
    )
    contact = models.TextField(_("who to contact"))
    timeframe = models.TextField(_("within what time"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    revisions, workflow_states = reviewed_relations("referral_pathway")

    panels = [FieldPanel("beneficiary"), FieldPanel("contact"), FieldPanel("timeframe"), FieldPanel("notes")]

    class Meta:
        ordering = ["beneficiary__code"]
        verbose_name = _("referral pathway")
        verbose_name_plural = _("referral pathways")

    def __str__(self):
        return str(self.beneficiary)


def live_indicators():
    """What visitors see of the instrument: the approved (live) state, everywhere it is shown (the
    tool's page, its PDFs, search). A draft change lives in a revision until a Reviewer approves it;
    an object never approved is not live."""
    return Indicator.objects.filter(live=True, domain__live=True)


def live_domains():
    return IndicatorDomain.objects.filter(live=True).prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.filter(live=True))
    )


def live_pathways():
    return ReferralPathway.objects.filter(live=True).select_related("beneficiary")


class ScreeningToolPage(PdfRouteMixin, ObservationFormPdfMixin, TranslatedContentPage):
    """The instrument's documentation; indicators and referral pathways are snippets shared with search."""

    purpose = models.TextField(_("purpose"), blank=True)
    who_may_use = models.TextField(_("who may use it"), blank=True)
    what_it_is_not = models.TextField(_("what it is not"), blank=True)
    how_to_observe = models.TextField(_("how to observe"), blank=True)
    recording_confidentiality = models.TextField(_("recording and confidentiality"), blank=True)
    training = models.TextField(_("training"), blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)

    content_panels = TranslatedContentPage.content_panels + [
        FieldPanel("original_language"),
        MultiFieldPanel(
            [FieldPanel("purpose"), FieldPanel("who_may_use"), FieldPanel("what_it_is_not")], heading=_("Overview")
        ),
        FieldPanel("how_to_observe"),
        FieldPanel("recording_confidentiality"),
        FieldPanel("training"),
        FieldPanel("version"),
        InlinePanel("version_history", label=_("Version history")),
    ]
    max_count = 1
    subpage_types = []

    class Meta:
        verbose_name = _("screening tool documentation")

    def pdf_contents(self):
        return screening_tool_contents(self)

    def domains(self):
        return live_domains()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["domains"] = self.domains()
        context["pathways"] = live_pathways()
        return context

    @path("observation-form/")
    def observation_form(self, request):
        """A printable observation form generated from the indicators, in the visitor's language."""
        return TemplateResponse(
            request,
            "practices/observation_form.html",
            {
                "page": self,
                "domains": self.domains(),
                "reading": self.reading(),
                "pdf_url": pdf_url(self, request, "observation_form_pdf"),
            },
        )


class VersionEntry(Orderable):
    page = ParentalKey(ScreeningToolPage, on_delete=models.CASCADE, related_name="version_history")
    version = models.CharField(_("version"), max_length=20)
    date = models.DateField(_("date"))
    changes = models.TextField(_("changes"))

    panels = [FieldPanel("version"), FieldPanel("date"), FieldPanel("changes")]
