"""Rows saved before the instrument had revisions stay live, and their history starts somewhere."""

import importlib

import pytest
from django.apps import apps

from practices.models import Indicator, ReferralPathway

pytestmark = pytest.mark.django_db

migration = importlib.import_module("practices.migrations.0004_first_revisions_of_the_instrument")


def test_the_migration_keeps_existing_rows_live_with_a_first_revision():
    # As the rows were before the migration: no revision at all.
    for model in (Indicator, ReferralPathway):
        model.objects.update(latest_revision=None, live_revision=None, live=True)
    migration.first_revisions(apps, None)

    for item in (Indicator.objects.order_by("pk").first(), ReferralPathway.objects.order_by("pk").first()):
        assert item.live and not item.has_unpublished_changes
        assert item.live_revision == item.latest_revision
        assert item.live_revision.as_object().pk == item.pk
    indicator = Indicator.objects.order_by("pk").first()
    assert indicator.live_revision.as_object().name_en == indicator.name_en
