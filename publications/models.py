"""The library of the regional action's publications: assessments, reports, manuals, training
materials and legal texts, each with its files (one or more per language), and the text
extracted from those files page by page, which search indexes (docs/publications.md)."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from languages.pages import SourceLanguageMixin
from practices.models.base import TranslatedContentPage
from publications.panels import ExtractionPanel


class PublicationType(models.TextChoices):
    ASSESSMENT = "assessment", _("Assessment")
    REPORT = "report", _("Report")
    MANUAL = "manual", _("Manual")
    TRAINING_MATERIAL = "training-material", _("Training material")
    LEGAL_TEXT = "legal-text", _("Legal text")


class PublicationIndexPage(SourceLanguageMixin, Page):
    """The library: publications, newest first, filtered by type, Beneficiary, language and year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["publications.PublicationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("library")

    def get_context(self, request, *args, **kwargs):
        from publications.listing import PublicationListing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = PublicationListing(request.GET, request.user, PublicationPage.objects.child_of(self))
        return context


class PublicationPage(TranslatedContentPage):
    """A publication: its type, Beneficiaries, date, authors, a translated abstract and its files.

    Restricting the page (Privacy: Verified professionals) restricts its files too: they are
    served only to whoever may see the page (publications.access)."""

    publication_type = models.CharField(_("type"), max_length=20, choices=PublicationType.choices)
    date = models.DateField(_("date"))
    authors = models.CharField(_("authors or institution"), max_length=255, blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    beneficiaries = ParentalManyToManyField(
        "practices.Beneficiary", blank=True, related_name="publications", verbose_name=_("beneficiaries")
    )

    content_panels = Page.content_panels + [
        FieldPanel("original_language"),
        MultiFieldPanel(
            [FieldPanel("publication_type"), FieldPanel("date"), FieldPanel("authors")], heading=_("Publication")
        ),
        FieldPanel("abstract"),
        FieldPanel("beneficiaries", widget=forms.CheckboxSelectMultiple),
        InlinePanel("files", heading=_("Files"), label=_("file"), min_num=1),
        ExtractionPanel(heading=_("Text of the files")),
    ]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def year(self):
        # The year facet of search and the library's year filter.
        return self.date.year if self.date else None

    def file_languages(self):
        return sorted({item.language for item in self.files.all()})


class PublicationFile(Orderable):
    """One file of a publication, in one language. `downloads` counts how often it was served
    (a number only: who downloaded it is not recorded)."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="publication_files")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    downloads = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")


class ExtractionStatus(models.TextChoices):
    TEXT = "text", _("Text extracted")
    NO_TEXT = "no-text", _("No text: a scanned document?")
    FAILED = "failed", _("The file could not be read")
    UNSUPPORTED = "unsupported", _("Not a PDF, DOCX or ODT file")


class DocumentText(models.Model):
    """What extraction found in an uploaded document: its status and number of pages."""

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text")
    status = models.CharField(max_length=12, choices=ExtractionStatus.choices)
    page_count = models.PositiveIntegerField(default=0)
    file_hash = models.CharField(max_length=40, blank=True)  # the file extracted: re-extract when it changes
    extracted_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.document}: {self.get_status_display()}"


class DocumentPage(models.Model):
    """The text of one page of a document (PDF), or of the whole of a DOCX or ODT file
    between page breaks: each one is a search result of its own."""

    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="text_pages")
    page_number = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ("document", "page_number")
        constraints = [models.UniqueConstraint(fields=("document", "page_number"), name="one_text_per_document_page")]

    def __str__(self):
        return f"{self.document} p. {self.page_number}"
