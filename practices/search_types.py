"""What search indexes of this app's pages: each searchable type declared once.

The search app derives the index mapping, the documents, the facets (and their URL
parameters and labels), what reindexes when a term changes and the database fallback's
fields from these declarations (docs/search.md).
"""

from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from searchable import Facet, SearchableType, register, register_equivalents


def beneficiary_label(beneficiary):
    # The name in the visitor's language (Kosovo* with its asterisk), with the native name
    # beside it where it differs.
    native = beneficiary.native_name
    return beneficiary.display_name, native if native and native != beneficiary.display_name else ""


BENEFICIARY = Facet(
    "beneficiary", "beneficiaries", _("Beneficiary"), key="code", option_label=beneficiary_label, in_results=True
)
THEME = Facet("theme", "themes", _("Theme"))
TARGET_GROUP = Facet("target_group", "target_groups", _("Target group"))
SETTING = Facet("setting", "setting", _("Setting"))

# Every translated content page (practices.models.base.TranslatedContentPage) has these.
CONTENT_PAGE = {"identifier": "record_slug", "original_language": "original_language"}

INDICATOR_TEXTS = ("name", "observable_signs", "examples", "what_to_do")


def indicator_texts(language):
    """The screening tool's indicators are snippets shown on its page: searched with it, in the
    approved state visitors see (a draft change is not searchable until it is approved)."""
    from practices.models.screening import live_indicators

    indicators = live_indicators()
    return [
        getattr(item, build_localized_fieldname(name, language)) or ""
        for item in indicators
        for name in INDICATOR_TEXTS
    ]


register(
    SearchableType(
        "practices.PracticePage",
        summary="summary",
        body=("problem", "approach", "institutions", "results", "lessons_learned", "transferability"),
        facets=(BENEFICIARY, THEME, TARGET_GROUP, SETTING),
        year="start_year",
        **CONTENT_PAGE,
    ),
    SearchableType(
        "practices.GuidePage",
        summary="introduction",
        body=("audience", "steps"),
        facets=(BENEFICIARY,),
        **CONTENT_PAGE,
    ),
    SearchableType(
        "practices.ScreeningToolPage",
        summary="purpose",
        body=("who_may_use", "what_it_is_not", "how_to_observe", "recording_confidentiality", "training"),
        extra_body=indicator_texts,
        depends_on=("practices.Indicator",),
        **CONTENT_PAGE,
    ),
)

# Glossary terms expand searches with their equivalents in every language.
register_equivalents("practices.GlossaryTerm")
