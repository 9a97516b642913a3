"""What every translated content page shares: its original language and visible fallback."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from languages import fallbacks, i18n
from languages.codes import DEFAULT_LANGUAGE, LANGUAGE_CODES
from languages.pages import SourceLanguageMixin


class TranslatedContentPage(SourceLanguageMixin, Page):
    """A page written in one original language and translated into others.

    It may exist only in its original language (a Serbian practice in Cyrillic with no
    English): it is then shown in that language, with a notice, to everyone else.
    """

    original_language = models.CharField(
        _("original language"), max_length=10, choices=settings.LANGUAGES, default=DEFAULT_LANGUAGE
    )

    record_slug = models.SlugField(
        _("record identifier"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable identifier used by imports and the API; set once, never changes."),
    )

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        super().full_clean(*args, **kwargs)
        if not self.record_slug:
            self.record_slug = getattr(self, build_localized_fieldname("slug", DEFAULT_LANGUAGE), None) or None

    def available_languages(self):
        return [code for code in LANGUAGE_CODES if getattr(self, build_localized_fieldname("title", code), "")]

    def reading(self, language=None):
        """What a visitor reading `language` is shown: the first written language of its
        fallback chain (the other Serbian script by transliteration), else the original."""
        language = language or translation.get_language() or DEFAULT_LANGUAGE
        return fallbacks.choose(language, self.available_languages(), self.original_language)

    def localized_value(self, field_name, language=None):
        """A translated field's value as the visitor reads it (see languages.i18n.localized).

        Not `localized`: that is Wagtail's own property (the page in the active locale), which
        rich-text link handlers read."""
        return i18n.localized(self, field_name, language)

    def get_admin_display_title(self):
        return self.localized_value("title") or super().get_admin_display_title()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reading"] = self.reading()
        return context
