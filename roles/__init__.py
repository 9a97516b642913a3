"""The groups the portal relies on, by name, and who belongs to them.

One small module at the bottom of the layers: the content app (practices), the
translators' workflow and the apps to come all read the same names from here.
"""

from languages.codes import DEFAULT_LANGUAGE, LANGUAGE_CODES

EDITORS = "Editors"
REVIEWERS = "Reviewers"
TRANSLATORS = "Translators"
VERIFIED_PROFESSIONALS = "Verified professionals"

# One translators' group per language other than the English source: "Translators (sq)".
TRANSLATED_LANGUAGES = tuple(code for code in LANGUAGE_CODES if code != DEFAULT_LANGUAGE)


def language_group_name(code):
    return f"{TRANSLATORS} ({code})"


LANGUAGE_GROUPS = {language_group_name(code): code for code in TRANSLATED_LANGUAGES}


def is_verified_professional(user):
    """Matches Wagtail's group view restriction: superusers and members of the group."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=VERIFIED_PROFESSIONALS).exists()


def ensure_language_groups(translators):
    """One group per translated language, with exactly the permissions of `translators`.

    Idempotent: run by the editorial set-up every time it runs.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

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
