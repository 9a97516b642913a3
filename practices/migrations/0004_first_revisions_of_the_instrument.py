"""Indicators, indicator domains and referral pathways saved before they had revisions stay live,
and each gets a first revision (published, by no one) so that its history starts somewhere and the
first reviewed change has something to be compared with."""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

INSTRUMENT_MODELS = ("indicatordomain", "indicator", "referralpathway")


def first_revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    now = timezone.now()
    for name in INSTRUMENT_MODELS:
        model = apps.get_model("practices", name)
        if not model.objects.exists():
            continue  # a fresh database: content types come later, and there is nothing to keep
        content_type, _created = ContentType.objects.get_or_create(app_label="practices", model=name)
        for item in model.objects.filter(latest_revision__isnull=True):
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(item.pk),
                object_str=str(getattr(item, "name", "") or getattr(item, "slug", "") or item.pk)[:255],
                content=get_serializable_data_for_fields(item),
                created_at=now,
            )
            model.objects.filter(pk=item.pk).update(
                live=True,
                has_unpublished_changes=False,
                latest_revision=revision,
                live_revision=revision,
                first_published_at=now,
                last_published_at=now,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0003_reviewed_instrument_snippets"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(first_revisions, migrations.RunPython.noop)]
