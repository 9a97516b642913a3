"""Step-by-step guides."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from languages.pages import SourceLanguageMixin
from practices.models.base import TranslatedContentPage
from practices.print_contents import guide_contents
from printing.routes import PdfRouteMixin
from searchable.listings import ListsPages


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    body = blocks.RichTextBlock(label=_("What to do"), features=["bold", "italic", "link", "ol", "ul"])
    responsible = blocks.CharBlock(label=_("Who is responsible"), required=False)
    timing = blocks.CharBlock(label=_("When"), required=False)
    documents = blocks.ListBlock(
        blocks.CharBlock(label=_("Document")), label=_("Documents and forms needed"), default=[]
    )
    checklist = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Checklist"), default=[])
    legal_references = blocks.ListBlock(blocks.CharBlock(label=_("Reference")), label=_("Legal references"), default=[])

    class Meta:
        icon = "list-ol"
        template = "practices/blocks/step.html"


class GuideIndexPage(ListsPages, SourceLanguageMixin, Page):
    listed_type = "practices.GuidePage"

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["practices.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = _("guide index")


class GuidePage(PdfRouteMixin, TranslatedContentPage):
    introduction = models.TextField(_("introduction"), blank=True)
    audience = models.TextField(_("audience"), blank=True)
    beneficiaries = ParentalManyToManyField(
        "practices.Beneficiary", blank=True, related_name="guides", verbose_name=_("beneficiaries concerned")
    )
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("steps"))
    version = models.CharField(_("version"), max_length=20, blank=True)
    edition_date = models.DateField(_("edition date"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("original_language"),
        FieldPanel("introduction"),
        FieldPanel("audience"),
        FieldPanel("beneficiaries", widget=forms.CheckboxSelectMultiple),
        FieldPanel("steps"),
        InlinePanel("annexes", label=_("Annexes")),
        MultiFieldPanel([FieldPanel("version"), FieldPanel("edition_date")], heading=_("Edition")),
    ]

    parent_page_types = ["practices.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")

    def pdf_contents(self):
        return guide_contents(self)


class GuideAnnex(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="annexes")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("label"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]
