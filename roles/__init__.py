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


# One focal points' group per Beneficiary: they verify the access requests of their own.
FOCAL_POINTS = "Focal points"
BENEFICIARY_CODES = ("AL", "BA", "XK", "ME", "MK", "RS")


def focal_point_group_name(code):
    return f"{FOCAL_POINTS} ({code})"


FOCAL_POINT_GROUPS = {focal_point_group_name(code): code for code in BENEFICIARY_CODES}


def focal_point_beneficiaries(user):
    """Codes of the Beneficiaries whose requests `user` decides: every one for superusers and
    Editors, their own for focal points, none for anyone else."""
    if not user.is_authenticated:
        return ()
    if user.is_superuser or user.groups.filter(name=EDITORS).exists():
        return BENEFICIARY_CODES
    names = user.groups.filter(name__in=FOCAL_POINT_GROUPS).values_list("name", flat=True)
    return tuple(sorted(FOCAL_POINT_GROUPS[name] for name in names))


def ensure_focal_point_groups(admin_access):
    """The six focal points' groups, each allowed into the admin (`admin_access`, a Permission)
    and nothing more there: the accounts app decides what they see. Idempotent."""
    from django.contrib.auth.models import Group

    groups = {}
    for name in FOCAL_POINT_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        groups[name] = group
    return groups


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
