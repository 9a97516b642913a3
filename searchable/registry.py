"""The searchable types the apps declared, in the order they were registered.

Each installed app's `search_types` module is imported on first use (as Django's admin
discovers `admin.py`), so no app needs to come before another in INSTALLED_APPS.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules
from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES

_types = {}
_equivalents = []
_discovered = False


def discover():
    global _discovered
    if not _discovered:
        _discovered = True  # first: the modules discovered call register(), which reads facets()
        autodiscover_modules("search_types")


def register(*declarations):
    """Declare searchable page types (from an app's `search_types.py`).

    Also gives each model the Wagtail `search_fields` that the database fallback searches,
    derived from the same declaration: the fallback then searches the same texts as the
    index, in every language."""
    for declaration in declarations:
        _check_facets(declaration)
        _types[declaration.model_label.lower()] = declaration
        declaration.model.search_fields = database_search_fields(declaration)
    return declarations


def register_equivalents(model_label):
    """A model whose objects give terms' equivalent forms (`all_forms()`), which searches
    are expanded with at query time."""
    if model_label not in _equivalents:
        _equivalents.append(model_label)


def types():
    discover()
    return list(_types.values())


def type_for(model):
    """The declaration of a page model (specific class), or None if it is not searchable."""
    discover()
    return _types.get(model._meta.label_lower)


def facets():
    """Every declared facet, once per URL parameter, in the order first declared."""
    found = {}
    for declaration in types():
        for facet in declaration.facets:
            found.setdefault(facet.param, facet)
    return list(found.values())


def equivalents_model():
    from django.apps import apps

    discover()
    return apps.get_model(_equivalents[0]) if _equivalents else None


def database_search_fields(declaration):
    # Imported here: this package is read before Wagtail's models are ready.
    from wagtail.models import Page
    from wagtail.search import index

    model = declaration.model
    fields = list(Page.search_fields)
    for name in declaration.text_fields:
        if name == "title":
            continue  # Page's own search_fields have it, boosted
        localized = [build_localized_fieldname(name, code) for code in LANGUAGE_CODES]
        for field_name in (name, *localized):
            if _has_field(model, field_name):
                fields.append(index.SearchField(field_name))
    return fields


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def _check_facets(declaration):
    # One URL parameter means one document field everywhere: facets are counted across types.
    known = {facet.param: facet for facet in facets()}
    for facet in declaration.facets:
        other = known.get(facet.param)
        if other and (other.index_field, other.key) != (facet.index_field, facet.key):
            raise ImproperlyConfigured(
                f"{declaration.model_label}: facet '{facet.param}' indexes {facet.index_field}.{facet.key}, "
                f"but another type declares it as {other.index_field}.{other.key}"
            )
