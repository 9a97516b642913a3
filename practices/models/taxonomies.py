"""Translated taxonomies that practices and guides are classified by (snippets)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

KOSOVO = "XK"


class Term(index.Indexed, models.Model):
    """A term with a stable slug (used by imports and URLs) and a translated name."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("slug"), FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.FilterField("slug")]

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug


@register_snippet
class Beneficiary(index.Indexed, models.Model):
    """One of the six beneficiaries. Kosovo* always carries its asterisk."""

    code = models.CharField(_("code"), max_length=2, unique=True, help_text=_("ISO-style code: AL, BA, XK, ME, MK, RS"))
    name = models.CharField(_("name"), max_length=100)
    native_name = models.CharField(_("native name"), max_length=100, blank=True)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("native_name")]
    search_fields = [index.SearchField("name"), index.FilterField("code")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")

    def __str__(self):
        return self.display_name

    @property
    def is_kosovo(self):
        return self.code == KOSOVO

    @property
    def display_name(self):
        name = self.name or self.code
        if self.is_kosovo and not name.endswith("*"):
            name += "*"
        return name


@register_snippet
class Setting(Term):
    class Meta(Term.Meta):
        verbose_name = _("setting")
        verbose_name_plural = _("settings")


@register_snippet
class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


@register_snippet
class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
