from practices.models.glossary import GlossaryPage, GlossaryTerm
from practices.models.guide import GuideIndexPage, GuidePage
from practices.models.practice import PracticeAttachment, PracticeIndexPage, PracticePage
from practices.models.screening import Indicator, IndicatorDomain, ReferralPathway, ScreeningToolPage
from practices.models.taxonomies import Beneficiary, Setting, TargetGroup, Theme

__all__ = [
    "Beneficiary",
    "GlossaryPage",
    "GlossaryTerm",
    "GuideIndexPage",
    "GuidePage",
    "Indicator",
    "IndicatorDomain",
    "PracticeAttachment",
    "PracticeIndexPage",
    "PracticePage",
    "ReferralPathway",
    "ScreeningToolPage",
    "Setting",
    "TargetGroup",
    "Theme",
]
