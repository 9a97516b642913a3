"""News of the regional action and its events (steering committees, trainings, study visits,
conferences), listed together newest first under one index page with its Atom feed."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from languages.pages import SourceLanguageMixin
from news.feeds import NewsFeed
from practices.models.base import TranslatedContentPage
from printing.routes import PdfRouteMixin
from roles.restrictions import visible_lists
from searchable.listings import ListsPages

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]


class EventType(models.TextChoices):
    STEERING_COMMITTEE = "steering-committee", _("Steering committee")
    TRAINING = "training", _("Training")
    STUDY_VISIT = "study-visit", _("Study visit")
    CONFERENCE = "conference", _("Conference")


class NewsIndexPage(ListsPages, RoutablePageMixin, SourceLanguageMixin, Page):
    """News and events, newest first, filtered by Beneficiary and year, served by the index as
    the other listings are (searchable.listings); `feed/` is its Atom feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["news.NewsPage", "news.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news index")

    listed_types = ("news.NewsPage", "news.EventPage")
    listed_by_year = True

    def items(self):
        """Its live news and events, one queryset per type (the listing and feed merge them)."""
        return [NewsPage.objects.child_of(self).live(), EventPage.objects.child_of(self).live()]

    def public_items(self):
        """What anyone may read: no view restriction on the item or above it."""
        return [items.public() for items in self.items()]

    @path("", name="listing")
    def listing(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        return NewsFeed()(request, index=self)


class DatedItem(PdfRouteMixin, TranslatedContentPage):
    """What a news article and an event share: a place, a lead and a body."""

    place = models.CharField(_("place"), max_length=120, blank=True)
    lead = models.TextField(_("lead"), blank=True)
    body = RichTextField(_("body"), blank=True, features=RICH_FEATURES)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    date_field = ""  # the field that dates this type: its dateline, feed and print date

    class Meta:
        abstract = True

    @property
    def listing_date(self):
        return getattr(self, self.date_field)

    @property
    def edition_date(self):
        # What a print-out and its PDF are dated by (printing.editions).
        return self.listing_date


class NewsPage(DatedItem):
    """An article of the regional action: "Sarajevo, 4 December 2025"."""

    date = models.DateField(_("date"))
    beneficiaries = ParentalManyToManyField(
        "practices.Beneficiary", blank=True, related_name="news", verbose_name=_("beneficiaries")
    )
    related_practices = ParentalManyToManyField(
        "practices.PracticePage", blank=True, related_name="news", verbose_name=_("related practices")
    )
    related_guides = ParentalManyToManyField(
        "practices.GuidePage", blank=True, related_name="news", verbose_name=_("related guides")
    )

    content_panels = Page.content_panels + [
        FieldPanel("original_language"),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("date")], heading=_("Dateline")),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("beneficiaries", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("related_practices"), FieldPanel("related_guides")], heading=_("Related content")),
    ]

    # An article and an event read alike (the dateline include tells them apart). Set on each
    # type: Wagtail names a page type's template after the class unless the class itself says.
    template = "news/dated_item.html"

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")

    date_field = "date"  # also the date the listing orders by (news/search_types.py)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Chosen by editors; only what this visitor may open.
        context["related_practices"], context["related_guides"] = visible_lists(
            request.user, self.related_practices.live(), self.related_guides.live()
        )
        return context


class EventPage(DatedItem):
    """A meeting of the regional action, hosted by a Beneficiary (none: a regional event)."""

    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    beneficiary = models.ForeignKey(
        "practices.Beneficiary",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("beneficiary"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("original_language"),
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("place"),
                FieldPanel("beneficiary"),
            ],
            heading=_("Event"),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]

    template = "news/dated_item.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    date_field = "start_date"

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("An event cannot end before it starts.")})
