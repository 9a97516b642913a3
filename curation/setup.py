"""What editors may do with search curation: read the report, manage picks and synonyms."""

from django.contrib.auth.models import Group, Permission

import roles

EDITOR_PERMISSIONS = (
    "view_searchday",
    "add_pick",
    "change_pick",
    "delete_pick",
    "add_synonym",
    "change_synonym",
    "delete_synonym",
)


def ensure_curation_permissions():
    editors = Group.objects.get(name=roles.EDITORS)
    granted = Permission.objects.filter(content_type__app_label="curation", codename__in=EDITOR_PERMISSIONS)
    editors.permissions.add(*granted)
