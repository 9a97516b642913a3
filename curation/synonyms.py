"""Query-time expansion with the synonyms editors keep per language (`Synonym`).

Applied when the query is built, so an edit changes results without a reindex. The folded
forms are kept per process, as the glossary's are: a save or delete clears them at once in this
process (signals.py), and other processes re-read within CACHE_SECONDS."""

import time

from languages.transliteration import fold

CACHE_SECONDS = 60
_cache = {"loaded": None, "groups": []}


def folded_groups():
    """[(language or "", {folded forms}, [forms])] for each synonym list."""
    if _cache["loaded"] is None or time.monotonic() - _cache["loaded"] > CACHE_SECONDS:
        from curation.models import Synonym

        groups = []
        for synonym in Synonym.objects.all():
            forms = synonym.form_list()
            groups.append((synonym.language, {f" {fold(form)} " for form in forms}, forms))
        _cache.update(loaded=time.monotonic(), groups=groups)
    return _cache["groups"]


def clear_cache(**_kwargs):
    _cache["loaded"] = None


def expansions(query, language, limit=24):
    """The other forms of every synonym list, of the visitor's language or of all, that the
    query holds a form of (whole words, however typed: case, diacritics, script)."""
    folded = f" {fold(query)} "
    found = []
    for group_language, needles, forms in folded_groups():
        if group_language in ("", language) and any(needle in folded for needle in needles):
            found += [form for form in forms if f" {fold(form)} " not in folded]
    return found[:limit]
