"""Which fields are translated (one column per language, django-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from news.models import EventPage, NewsIndexPage, NewsPage


@register(NewsIndexPage)
class NewsIndexTranslation(TranslationOptions):
    fields = ("intro",)


@register(NewsPage)
@register(EventPage)
class DatedItemTranslation(TranslationOptions):
    fields = ("place", "lead", "body")
