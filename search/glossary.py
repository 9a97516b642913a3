"""Query-time expansion with the glossary's cross-language equivalents (the model an app
registered with `searchable.register_equivalents`).

Applied at query time, so a glossary edit changes results without a reindex. The folded forms
are kept per process (folding every term on every search cost ~10 ms of CPU): a glossary save
or delete clears them at once in this process, and other processes re-read within CACHE_SECONDS.
"""

import time

import searchable
from languages.transliteration import fold

CACHE_SECONDS = 60
_cache = {"loaded": 0.0, "terms": []}


def folded_terms():
    """[(folded forms to look for, every form to expand to)] for each glossary term."""
    if time.monotonic() - _cache["loaded"] > CACHE_SECONDS:
        terms = []
        model = searchable.equivalents_model()
        for term in model.objects.all() if model else ():
            forms = term.all_forms()
            terms.append(({f" {fold(form)} " for form in forms if len(form) > 3}, sorted(forms)))
        _cache.update(loaded=time.monotonic(), terms=terms)
    return _cache["terms"]


def clear_cache(**_kwargs):
    _cache["loaded"] = 0.0


def expansions(query, limit=24):
    """Equivalents in every language of the glossary terms the query mentions."""
    return [form for forms in expansion_groups(query, limit) for form in forms]


def expansion_groups(query, limit=24):
    """The same, one list per glossary term, `limit` forms in all."""
    folded = f" {fold(query)} "
    groups = []
    for needles, forms in folded_terms():
        if limit > 0 and any(needle in folded for needle in needles):
            groups.append(forms[:limit])
            limit -= len(groups[-1])
    return groups
