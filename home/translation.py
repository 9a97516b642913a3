from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from home.models import BeneficiaryIndexPage, BeneficiaryPage, HomePage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "body", "results")


@register(BeneficiaryIndexPage)
@register(BeneficiaryPage)
class BeneficiaryPagesTranslation(TranslationOptions):
    fields = ("intro",)
