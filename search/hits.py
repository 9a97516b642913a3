"""An index hit read as plain attributes, without elasticsearch-dsl's wrappers.

elasticsearch-dsl wraps every value of a response in an `AttrDict` or `AttrList` when it is
read, and a result reads some twenty fields of each of twenty hits: the wrapping was half of
the CPU time spent turning a response into results (docs/performance.md). The raw response is
already plain dicts and lists (orjson), so a hit is read from it directly. Its attributes are
those of a dsl hit (the source's fields, `meta.id`, `meta.highlight`), so the same code reads
either.
"""

from types import SimpleNamespace


class Hit:
    def __init__(self, raw):
        self.__dict__.update(raw.get("_source") or {})
        self.meta = SimpleNamespace(id=raw["_id"], highlight=raw.get("highlight"))


def hits(response):
    """The hits of an executed dsl search, as `Hit`s."""
    return [Hit(raw) for raw in raw_of(response)["hits"]["hits"]]


def aggregations(response):
    """The aggregations of an executed dsl search, as plain dicts."""
    return raw_of(response).get("aggregations", {})


def raw_of(response):
    return response.to_dict()
