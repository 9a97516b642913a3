"""How apps declare what search indexes of them.

An app that has searchable page types lists them in its `search_types.py` with
`register(SearchableType(...))`; the search app discovers those modules when it starts and
derives everything else from the declarations: the index mapping, the documents, the facets
and their URL parameters, what reindexes when a term changes, and the fields of the database
fallback. This package only holds the declarations: it knows no Elasticsearch.
"""

from searchable.declarations import Facet, Part, SearchableType
from searchable.registry import discover, equivalents_model, facets, register, register_equivalents, type_for, types

__all__ = [
    "Facet",
    "Part",
    "SearchableType",
    "discover",
    "equivalents_model",
    "facets",
    "register",
    "register_equivalents",
    "type_for",
    "types",
]
