"""The public results page, which charts the action's records (results.records) with the content
app's figures; the records are models of this app too."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from languages.pages import SourceLanguageMixin
from results.freshness import cached_charts
from results.records import RecordType, TrainingMaterial, TrainingRecord

__all__ = ["RecordType", "ResultsPage", "TrainingMaterial", "TrainingRecord"]


class ResultsPage(SourceLanguageMixin, Page):
    """`/<lang>/results/`: what the action achieved, in charts drawn on the server (results.charts)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("results page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["charts"] = cached_charts()
        return context
