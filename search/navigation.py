"""What the HTML search page shows around the results: labelled facets, sorting, pages.

Each link keeps the visitor's other parameters and goes back to page 1 when the result set
changes, so the page works as plain links and forms without JavaScript.
"""

import math

from languages.codes import bcp47
from search.facets import search_facets

PAGE_WINDOW = 3  # page numbers shown either side of the current one


def link(params, **changes):
    """`?query` of `params` (a QueryDict) with `changes` applied; None removes a parameter."""
    query = params.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value not in (None, ""):
            query[name] = value
    return f"?{query.urlencode()}"


def facet_groups(facets, search_request, params):
    """[{name, title, options: [{label, native, count, url, selected}], clear_url}] for the page."""
    groups = []
    for facet in search_facets():
        name, title = facet.param, facet.title
        buckets = facets.get(name) or []
        selected = search_request.filters.get(name, "")
        if not buckets and not selected:
            continue
        values = [str(bucket["value"]) for bucket in buckets]
        labels = facet.labels(values)
        options = []
        for bucket in buckets:
            value = str(bucket["value"])
            label, native = labels.get(value, (value, ""))
            options.append(
                {
                    "label": label,
                    "native": native,
                    "lang": bcp47(value) if name == "language" else "",
                    "count": bucket["count"],
                    "selected": value == selected,
                    "url": link(params, **{name: None if value == selected else value, "page": None}),
                }
            )
        if name == "year":
            options.sort(key=lambda option: option["label"], reverse=True)
        clear_url = link(params, **{name: None, "page": None}) if selected else None
        groups.append({"name": name, "title": title, "options": options, "clear_url": clear_url})
    return groups


def pagination(count, search_request, params):
    """Previous/next and a window of page numbers, or None when everything fits on one page."""
    pages = math.ceil(count / search_request.page_size)
    current = search_request.page
    if pages <= 1:
        return None
    numbers = range(max(1, current - PAGE_WINDOW), min(pages, current + PAGE_WINDOW) + 1)
    return {
        "start": (current - 1) * search_request.page_size + 1,  # the first result's number
        "previous": link(params, page=current - 1) if current > 1 else None,
        "next": link(params, page=current + 1) if current < pages else None,
        "pages": [{"number": n, "url": link(params, page=n), "current": n == current} for n in numbers],
        "first": link(params, page=1) if numbers[0] > 1 else None,
        "last": {"number": pages, "url": link(params, page=pages)} if numbers[-1] < pages else None,
    }


def hidden_fields(params, *, without=()):
    """The current parameters as (name, value) pairs, for forms that change one of them."""
    return [(name, value) for name, value in params.items() if name not in without and name != "page"]
