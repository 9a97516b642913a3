"""Which languages' fields a user may change.

A translator belongs to one or more language groups, `Translators (sq)`, `Translators (sr-latn)`...
(one per language other than the English source), and may change only those languages' fields.
Editors, Reviewers and superusers change every language. A translator in no language group
changes no translated field at all.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from portal.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from practices import access

TRANSLATED_LANGUAGES = tuple(code for code in LANGUAGE_CODES if code != DEFAULT_LANGUAGE)
ALL_LANGUAGES = frozenset(LANGUAGE_CODES)
UNSCOPED_GROUPS = (access.EDITORS, access.REVIEWERS)


def language_group_name(code):
    return f"{access.TRANSLATORS} ({code})"


LANGUAGE_GROUPS = {language_group_name(code): code for code in TRANSLATED_LANGUAGES}


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
    return access.TRANSLATORS in names or bool(names & LANGUAGE_GROUPS.keys())


def editable_languages(user):
    """The language codes whose fields `user` may change (all of them unless language-scoped)."""
    if not is_language_scoped(user):
        return ALL_LANGUAGES
    return frozenset(code for name, code in LANGUAGE_GROUPS.items() if name in _group_names(user))


def ensure_language_groups(translators):
    """One group per translated language, with exactly the permissions of `translators`.

    Idempotent: run by the editorial set-up every time it runs.
    """
    groups = {}
    for name in LANGUAGE_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*translators.permissions.all())
        for grant in GroupPagePermission.objects.filter(group=translators):
            GroupPagePermission.objects.get_or_create(group=group, page=grant.page, permission=grant.permission)
        for grant in GroupCollectionPermission.objects.filter(group=translators):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=grant.collection, permission=grant.permission
            )
        groups[name] = group
    return groups
