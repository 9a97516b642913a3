"""Query-time expansion with the synonyms editors keep per language (`Synonym`).

Applied when the query is built, so an edit changes results without a reindex. The folded
forms are kept per process: a save or delete (signals.py) writes a new version into the shared
cache (versions.py), and every process reads them again at its next search."""

import time

from curation import versions
from languages.transliteration import fold

CACHE_SECONDS = 60
VERSION_KEY = "curation:synonyms:version"
_cache = {"loaded": None, "version": None, "groups": []}


def folded_groups():
    """[(language or "", {folded forms}, [forms])] for each synonym list."""
    if versions.stale(_cache, VERSION_KEY, CACHE_SECONDS):
        version = versions.current(VERSION_KEY)
        from curation.models import Synonym

        groups = []
        for synonym in Synonym.objects.all():
            forms = synonym.form_list()
            groups.append((synonym.language, {f" {fold(form)} " for form in forms}, forms))
        _cache.update(loaded=time.monotonic(), version=version, groups=groups)
    return _cache["groups"]


def clear_cache(**_kwargs):
    """A save or delete (signals.py): read again here, and in every process sharing the cache."""
    _cache["loaded"] = None
    versions.renew(VERSION_KEY)


def expansions(query, language, limit=24):
    """The other forms of every synonym list, of the visitor's language or of all, that the
    query holds a form of (whole words, however typed: case, diacritics, script)."""
    folded = f" {fold(query)} "
    found = []
    for group_language, needles, forms in folded_groups():
        if group_language in ("", language) and any(needle in folded for needle in needles):
            found += [form for form in forms if f" {fold(form)} " not in folded]
    return found[:limit]
