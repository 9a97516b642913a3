"""Which languages' fields a user may change.

A translator belongs to one or more language groups, `Translators (sq)`, `Translators (sr-latn)`...
(one per language other than the English source), and may change only those languages' fields.
Editors, Reviewers and superusers change every language. A translator in no language group
changes no translated field at all.
"""

from languages.codes import LANGUAGE_CODES
from roles import EDITORS, LANGUAGE_GROUPS, REVIEWERS, TRANSLATORS

ALL_LANGUAGES = frozenset(LANGUAGE_CODES)
UNSCOPED_GROUPS = (EDITORS, REVIEWERS)


def _group_names(user):
    # Cached on the user object: a form asks once per field.
    if not hasattr(user, "_portal_group_names"):
        user._portal_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._portal_group_names


def is_language_scoped(user):
    """A translator who is neither a superuser nor an Editor or Reviewer."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return False
    names = _group_names(user)
    if names & set(UNSCOPED_GROUPS):
        return False
    return TRANSLATORS in names or bool(names & LANGUAGE_GROUPS.keys())


def editable_languages(user):
    """The language codes whose fields `user` may change (all of them unless language-scoped)."""
    if not is_language_scoped(user):
        return ALL_LANGUAGES
    return frozenset(code for name, code in LANGUAGE_GROUPS.items() if name in _group_names(user))
