from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from languages.codes import LANGUAGE_CODES
from languages.pages import SourceLanguageMixin
from practices.glossary_listing import glossary_entries


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
        help_text=_("Other forms people use in this language, one per line (synonyms, official titles)."),
    )
    # The yat reflex splits Serbian (ekavian) from Bosnian, Croatian, Montenegrin and Serbian
    # in Bosnia (ijekavian): the same word is spelled two ways across the region.
    ekavian = models.CharField(
        _("ekavian form"), max_length=200, blank=True, help_text=_("In Latin script, e.g. obezbeđenje.")
    )
    ijekavian = models.CharField(
        _("ijekavian form"), max_length=200, blank=True, help_text=_("In Latin script, e.g. obezbjeđenje.")
    )
    note = models.TextField(_("usage note"), blank=True)
    definition = models.TextField(_("definition"), blank=True)

    panels = [
        FieldPanel("slug"),
        FieldPanel("term"),
        FieldPanel("variants"),
        MultiFieldPanel([FieldPanel("ekavian"), FieldPanel("ijekavian")], heading=_("Ekavian and ijekavian forms")),
        FieldPanel("note"),
        FieldPanel("definition"),
    ]
    search_fields = [index.SearchField("term"), index.SearchField("definition")]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.term or self.slug

    def variant_list(self, language=None):
        """The variants in `language` (default: the active one), one per line."""
        text = getattr(self, build_localized_fieldname("variants", language)) if language else self.variants
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def all_forms(self):
        """Every spelling of the concept: the term and its variants in each language, and the
        ekavian and ijekavian forms."""
        forms = {self.ekavian, self.ijekavian}
        for language in LANGUAGE_CODES:
            forms.add(getattr(self, build_localized_fieldname("term", language)) or "")
            forms.update(self.variant_list(language))
        return {form for form in forms if form}

    def reflex_forms(self):
        """(label, form) for the ekavian and ijekavian spellings that are set."""
        return [
            (label, form) for label, form in ((_("ekavian"), self.ekavian), (_("ijekavian"), self.ijekavian)) if form
        ]


class GlossaryPage(SourceLanguageMixin, Page):
    """The public glossary: every term with its equivalents in the portal's languages."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("glossary page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = glossary_entries(GlossaryTerm.objects.all(), request.GET.get("q", ""))
        context["glossary_query"] = request.GET.get("q", "")[:100]
        return context
