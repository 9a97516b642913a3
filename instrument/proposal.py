"""The tool's next version, proposed from the instrument changes Reviewers approved since the
last entry of its version history: the number (a minor step) and the "what changed" text."""

import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from instrument.setup import INSTRUMENT_SNIPPETS
from languages.fields import set_translated
from practices.models.screening import VersionEntry


@dataclass
class Change:
    model: type
    object_id: str
    label: str
    added: bool
    approved_at: object

    def describe(self):
        name = capfirst(self.model._meta.verbose_name)
        # Translators: "Indicator Self-harm: added", a line of the tool's "what changed".
        text = gettext("%(kind)s %(object)s: added") if self.added else gettext("%(kind)s %(object)s: changed")
        return text % {"kind": name, "object": self.label}


def last_version(page):
    return VersionEntry.objects.filter(page=page).order_by("-date", "-sort_order").first()


def approved_changes(since=None):
    """One Change per object whose change a Reviewer approved after the day `since`, oldest first."""
    content_types = ContentType.objects.get_for_models(*INSTRUMENT_SNIPPETS)
    models_by_type = {content_type.pk: model for model, content_type in content_types.items()}
    approvals = ModelLogEntry.objects.filter(
        action="wagtail.workflow.approve", content_type__in=content_types.values()
    ).order_by("timestamp")
    if since is not None:
        approvals = approvals.filter(timestamp__date__gt=since)
    changes = {}
    for entry in approvals:
        model = models_by_type[entry.content_type_id]
        obj = model.objects.filter(pk=entry.object_id).first()
        if obj is None:
            continue  # deleted since
        # Approval publishes: an object first published then was added by this change.
        added = obj.first_published_at is not None and obj.first_published_at >= entry.timestamp
        key = (model, entry.object_id)
        earlier = changes.get(key)
        changes[key] = Change(
            model, entry.object_id, str(obj), added or bool(earlier and earlier.added), entry.timestamp
        )
    return list(changes.values())


def next_version(version):
    """A minor step: 1.2 → 1.3, 2 → 2.1; an empty or unusual number proposes nothing to overwrite it."""
    match = re.fullmatch(r"v?(\d+)(?:\.(\d+))?(?:\.\d+)?", (version or "").strip())
    if not match:
        return "1.0" if not (version or "").strip() else ""
    major, minor = match.group(1), match.group(2)
    return f"{major}.{int(minor) + 1}" if minor is not None else f"{major}.1"


@dataclass
class Proposal:
    since: object
    version: str
    changes: list

    def summary(self):
        return "; ".join(change.describe() for change in self.changes)


def propose(page):
    previous = last_version(page)
    since = previous.date if previous else None
    current = previous.version if previous else page.version
    return Proposal(since, next_version(current), approved_changes(since))


def accept(page, user):
    """A draft of the tool's page with the proposed number and a new version entry (its English
    text from the changes): the editor completes it and submits it for review, as any change."""
    with translation.override("en"):
        proposal = propose(page)
        changes = proposal.summary()
    draft = page.get_latest_revision_as_object()
    order = max((entry.sort_order or 0 for entry in draft.version_history.all()), default=-1) + 1
    entry = VersionEntry(version=proposal.version, date=timezone.localdate(), sort_order=order)
    set_translated(entry, "changes", {"en": changes})
    draft.version_history.add(entry)
    draft.version = proposal.version
    return draft.save_revision(user=user, log_action=True)
