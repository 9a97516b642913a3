"""Which fields are translated (one column per language, django-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from practices import models
from practices.models.guide import GuideAnnex
from practices.models.practice import PracticeAttachment
from practices.models.screening import VersionEntry


@register(models.Beneficiary)
class BeneficiaryTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Setting)
@register(models.Theme)
@register(models.TargetGroup)
@register(models.IndicatorDomain)
class TermTranslation(TranslationOptions):
    fields = ("name",)


@register(models.GlossaryTerm)
class GlossaryTranslation(TranslationOptions):
    fields = ("term", "variants", "note", "definition")


@register(models.PracticeIndexPage)
@register(models.GuideIndexPage)
@register(models.GlossaryPage)
class IndexTranslation(TranslationOptions):
    fields = ("intro",)


@register(models.PracticePage)
class PracticeTranslation(TranslationOptions):
    fields = (
        "summary",
        "problem",
        "approach",
        "institutions",
        "resources",
        "results",
        "lessons_learned",
        "transferability",
    )


@register(PracticeAttachment)
@register(GuideAnnex)
class AttachmentTranslation(TranslationOptions):
    fields = ("label",)


@register(models.GuidePage)
class GuideTranslation(TranslationOptions):
    fields = ("introduction", "audience", "steps")


@register(models.ScreeningToolPage)
class ScreeningTranslation(TranslationOptions):
    fields = ("purpose", "who_may_use", "what_it_is_not", "how_to_observe", "recording_confidentiality", "training")


@register(models.Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "observable_signs", "examples", "what_to_do")


@register(models.ReferralPathway)
class ReferralTranslation(TranslationOptions):
    fields = ("contact", "timeframe", "notes")


@register(VersionEntry)
class VersionEntryTranslation(TranslationOptions):
    fields = ("changes",)
