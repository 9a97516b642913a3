"""The facets a search is filtered and counted by: every document's type, languages and year,
and the facets the searchable types declare (`searchable.Facet`).

Each knows its URL parameter, the document field it filters, its title, its options' labels
and which values are valid, so a bad value is refused before it reaches Elasticsearch.
"""

import re

from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

import searchable
from languages.codes import LANGUAGE_CODES

YEAR = re.compile(r"[0-9]{4}")  # ASCII digits only: "²" and "٢٠٢١" are no years
MAX_VALUE_LENGTH = 100


class SearchFacet:
    refusal = "is not one of the values offered"

    def __init__(self, param, field, title):
        self.param = param
        self.field = field
        self.title = title

    def labels(self, values):
        """{value: (label, second name)} for the values counted."""
        return {value: (str(value), "") for value in values}

    def is_valid(self, value):
        return True


class TypeFacet(SearchFacet):
    def labels(self, values):
        names = {declaration.name: declaration.model._meta.verbose_name for declaration in searchable.types()}
        return {value: (capfirst(names[value]) if value in names else value, "") for value in values}

    def is_valid(self, value):
        return any(declaration.name == value for declaration in searchable.types())


class LanguageFacet(SearchFacet):
    refusal = f"must be one of {', '.join(LANGUAGE_CODES)}"

    def labels(self, values):
        return {value: (get_language_info(value)["name_local"], "") for value in values}

    def is_valid(self, value):
        return value in LANGUAGE_CODES


class YearFacet(SearchFacet):
    refusal = "must be a year such as 2021"

    def is_valid(self, value):
        return bool(YEAR.fullmatch(value))


class DeclaredFacet(SearchFacet):
    """A facet a searchable type declared: its values are the keys of a term model's rows."""

    def __init__(self, facet, term_model):
        super().__init__(facet.param, facet.index_field, facet.label)
        self.facet = facet
        self.term_model = term_model

    def labels(self, values):
        return {getattr(term, self.facet.key): self.facet.option_label(term) for term in self.term_model.objects.all()}

    def is_valid(self, value):
        return self.term_model.objects.filter(**{self.facet.key: value}).exists()


def declared_facets():
    found = {}
    for declaration in searchable.types():
        for facet in declaration.facets:
            if facet.param not in found:
                found[facet.param] = DeclaredFacet(facet, facet.term_model(declaration.model))
    return list(found.values())


def search_facets():
    """Every facet, in the order the search page shows them."""
    return [
        TypeFacet("type", "type", _("Type")),
        *declared_facets(),
        LanguageFacet("language", "languages", _("Language")),
        YearFacet("year", "year", _("Year")),
    ]


def facet_fields():
    """{URL parameter: document field}."""
    return {facet.param: facet.field for facet in search_facets()}


def invalid_value(facet, value):
    """Why `value` is not one of `facet`'s values, or None when it is."""
    if len(value) > MAX_VALUE_LENGTH or not facet.is_valid(value):
        return facet.refusal
    return None
