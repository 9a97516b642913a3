"""Which fields are translated (one column per language, django-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from results.models import ResultsPage, TrainingRecord


@register(TrainingRecord)
class TrainingRecordTranslation(TranslationOptions):
    fields = ("title", "topic", "place")


@register(ResultsPage)
class ResultsPageTranslation(TranslationOptions):
    fields = ("intro",)
