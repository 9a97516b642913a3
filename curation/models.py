"""What editors curate about search: the daily counts of what was searched and opened (no one's
identity: no address, no account, no session), the pages they promote for a query, and the
synonyms they add to queries."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

import searchable
from languages.codes import PORTAL_LANGUAGES
from languages.transliteration import fold

QUERY_LENGTH = 256  # search.limits.MAX_QUERY_LENGTH
LANGUAGE_CHOICES = [("", _("All languages")), *PORTAL_LANGUAGES]


class SearchDay(models.Model):
    """How often a query was searched in a language on a day, and how often it found nothing."""

    day = models.DateField()
    language = models.CharField(max_length=10)
    query = models.CharField(max_length=QUERY_LENGTH)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="search_day_unique")]
        indexes = [models.Index(fields=["day", "language"], name="search_day_period")]

    def __str__(self):
        return f"{self.day} {self.language} {self.query!r}: {self.searches}"


class OpenedDay(models.Model):
    """How often the result at a position was opened after a query, in a language, on a day."""

    day = models.DateField()
    language = models.CharField(max_length=10)
    query = models.CharField(max_length=QUERY_LENGTH)
    position = models.PositiveIntegerField()
    opens = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "language", "query", "position"], name="opened_day_unique")
        ]
        indexes = [models.Index(fields=["day", "language"], name="opened_day_period")]

    def __str__(self):
        return f"{self.day} {self.language} {self.query!r} #{self.position}: {self.opens}"


class Pick(models.Model):
    """A page an editor promotes to the top of the results of a query."""

    query = models.CharField(
        _("query"),
        max_length=QUERY_LENGTH,
        help_text=_("Matched however it is typed: capitals, diacritics and either script do not matter."),
    )
    # The folded query: what a search's folded words are compared with.
    query_key = models.CharField(max_length=QUERY_LENGTH, editable=False, db_index=True)
    language = models.CharField(_("language"), max_length=10, blank=True, choices=LANGUAGE_CHOICES)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    starts = models.DateField(_("from"), null=True, blank=True)
    ends = models.DateField(_("until"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("query"),
        FieldPanel("language"),
        PageChooserPanel("page"),
        FieldPanel("starts"),
        FieldPanel("ends"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("editor's pick")
        verbose_name_plural = _("editor's picks")
        ordering = ["query_key", "sort_order", "pk"]

    def __str__(self):
        return f"{self.query} → {self.page.title}"

    def save(self, *args, **kwargs):
        self.query_key = fold(self.query)
        super().save(*args, **kwargs)

    def clean(self):
        if self.page_id and searchable.type_for(type(self.page.specific)) is None:
            raise ValidationError({"page": _("Only pages that search finds can be picks.")})
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("The end date is before the start date.")})


class Synonym(models.Model):
    """Forms that mean the same to the people searching: a query holding one also finds the others."""

    language = models.CharField(_("language"), max_length=10, blank=True, choices=LANGUAGE_CHOICES)
    forms = models.TextField(_("forms"), help_text=_("One word or phrase per line."))

    panels = [FieldPanel("language"), FieldPanel("forms")]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return " = ".join(self.form_list())

    def form_list(self):
        return [line.strip() for line in self.forms.splitlines() if line.strip()]
