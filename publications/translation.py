"""Which fields are translated (one column per language, django-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from publications.models import PublicationIndexPage, PublicationPage


@register(PublicationIndexPage)
class PublicationIndexTranslation(TranslationOptions):
    fields = ("intro",)


@register(PublicationPage)
class PublicationTranslation(TranslationOptions):
    fields = ("abstract",)
