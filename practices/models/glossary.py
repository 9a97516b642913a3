from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class GlossaryTerm(index.Indexed, models.Model):
    """A concept of regional terminology with its equivalent in each language.

    Search expands queries with a term's equivalents and variants at query time, so an
    edit here changes what search finds without a reindex.
    """

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    term = models.CharField(_("term"), max_length=200)
    variants = models.TextField(
        _("variants"),
        blank=True,
        help_text=_("Other forms people use in this language, one per line (ekavian/ijekavian, synonyms)."),
    )
    note = models.TextField(_("usage note"), blank=True)
    definition = models.TextField(_("definition"), blank=True)

    panels = [FieldPanel("slug"), FieldPanel("term"), FieldPanel("variants"), FieldPanel("note"), FieldPanel("definition")]
    search_fields = [index.SearchField("term"), index.SearchField("definition")]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.term or self.slug

    def variant_list(self):
        return [line.strip() for line in (self.variants or "").splitlines() if line.strip()]
