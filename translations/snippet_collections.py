"""The snippet collections translators exchange in bulk, one file per collection and language."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

COLLECTIONS = {
    "glossary": (_("Glossary"), ["practices.GlossaryTerm"]),
    "taxonomies": (
        _("Taxonomies"),
        ["practices.Beneficiary", "practices.Setting", "practices.Theme", "practices.TargetGroup"],
    ),
    "indicators": (_("Indicators"), ["practices.IndicatorDomain", "practices.Indicator", "practices.ReferralPathway"]),
}


def collection_models(key):
    return [apps.get_model(label) for label in COLLECTIONS[key][1]]


def all_collection_models():
    return {model for key in COLLECTIONS for model in collection_models(key)}


def collection_objects(key):
    """Every snippet of the collection, model by model, each in a stable order (by id)."""
    return [obj for model in collection_models(key) for obj in model.objects.order_by("pk")]
