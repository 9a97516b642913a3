"""What every page type of the portal shares: a required title in its source language."""

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from languages.codes import DEFAULT_LANGUAGE, LANGUAGE_CODES
from languages.discovery import sitemap_urls


def ascii_slug(text):
    """An ASCII slug for any script: Cyrillic and Albanian titles give readable URLs."""
    return slugify(anyascii(text or ""))[:255]


class SourceLanguageMixin:
    """Requires the title in the page's source language (English unless it has
    `original_language`) and fills the English slug, which every language falls back to."""

    def source_language(self):
        return getattr(self, "original_language", None) or DEFAULT_LANGUAGE

    def get_sitemap_urls(self, request=None):
        return sitemap_urls(self, request)

    def full_clean(self, *args, **kwargs):
        self._fill_default_slug()
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        field = build_localized_fieldname("title", self.source_language())
        if not getattr(self, field, ""):
            raise ValidationError({field: _("A title in the original language is required.")})

    def _fill_default_slug(self):
        default_slug = build_localized_fieldname("slug", DEFAULT_LANGUAGE)
        if getattr(self, default_slug, ""):
            return
        for code in LANGUAGE_CODES:
            slug = getattr(self, build_localized_fieldname("slug", code), "")
            title = getattr(self, build_localized_fieldname("title", code), "")
            if slug or title:
                setattr(self, default_slug, ascii_slug(slug or title))
                return
