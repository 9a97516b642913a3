"""A translation of the screening instrument imported from XLIFF goes through its review, like an
edit: visitors keep the approved text until another Reviewer approves (docs/editorial.md)."""

import pytest
from django.contrib.auth.models import Group, User

import roles
from practices.models import Indicator
from translations.tests.test_xliff import fill_targets
from translations.xliff import export_xliff, import_xliff

pytestmark = pytest.mark.django_db


def test_an_imported_indicator_translation_waits_for_review_even_when_publishing_is_asked():
    indicator = Indicator.objects.filter(live=True).order_by("pk").first()
    approved_name = indicator.name_bs
    reviewer = User.objects.create_user("xliff-reviewer", password="x-password-1")
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))

    import_xliff(fill_targets(export_xliff([indicator], "bs")), user=reviewer, publish=True)

    indicator = Indicator.objects.get(pk=indicator.pk)
    assert indicator.name_bs == approved_name  # what visitors read
    assert indicator.has_unpublished_changes and indicator.workflow_in_progress
    assert indicator.get_latest_revision_as_object().name_bs.startswith("[bs] ")
    assert indicator.current_workflow_state.requested_by == reviewer  # so another Reviewer approves
