"""Inline items of pages: attachment and annex labels, the screening tool's version history and
the documents a guide's steps list are tracked in the status and travel in XLIFF."""

import pytest
from wagtail.documents.models import Document

from practices.models import GuidePage, PracticePage, ScreeningToolPage
from practices.models.guide import GuideAnnex
from practices.models.practice import PracticeAttachment
from translations.status import CURRENT, MISSING, OUTDATED, object_rows
from translations.tests.test_xliff import fill_targets
from translations.xliff import export_xliff, import_xliff

pytestmark = pytest.mark.django_db


def statuses(page, language):
    (row,) = object_rows(type(page).objects.get(pk=page.pk), [language])
    return row.fields


def unit_ids(data):
    return {line.split('"')[1] for line in data.decode().split("<unit id=")[1:]}


@pytest.fixture
def document():
    return Document.objects.create(title="Protocol (PDF)")


@pytest.fixture
def practice(document):
    page = PracticePage.objects.get(record_slug="al-returnees-women-children")  # English, every language
    page.attachments.add(PracticeAttachment(document=document, label_en="Referral form", label_sq="Formulari"))
    page.save_revision().publish()
    return PracticePage.objects.get(pk=page.pk)


def test_an_attachment_label_has_a_status_and_changing_its_source_outdates_it(practice):
    assert statuses(practice, "sq")["attachments"] == CURRENT
    assert statuses(practice, "bs")["attachments"] == MISSING
    (attachment,) = practice.attachments.all()
    attachment.label_en = "Referral form (2025)"
    practice.attachments = [attachment]  # as the edit form hands the items to the revision
    practice.save_revision().publish()
    assert statuses(practice, "sq")["attachments"] == OUTDATED


def test_an_attachment_label_is_exported_and_imported(practice):
    data = export_xliff([practice], "bs")
    assert "attachments.0.label" in unit_ids(data)
    import_xliff(fill_targets(data), publish=True)
    page = PracticePage.objects.get(pk=practice.pk)
    assert page.attachments.get().label_bs == "[bs] Referral form"
    assert statuses(page, "bs")["attachments"] == CURRENT


def test_an_annex_label_is_tracked_exported_and_imported(document):
    guide = GuidePage.objects.first()
    guide.annexes.add(GuideAnnex(document=document, label_en="Admission checklist"))
    guide.save_revision().publish()
    assert statuses(guide, "bs")["annexes"] == MISSING
    data = export_xliff([guide], "bs")
    assert "annexes.0.label" in unit_ids(data)
    import_xliff(fill_targets(data), publish=True)
    assert GuidePage.objects.get(pk=guide.pk).annexes.get().label_bs == "[bs] Admission checklist"
    assert statuses(guide, "bs")["annexes"] == CURRENT


def test_the_version_history_is_tracked_exported_and_imported_as_a_draft_for_review():
    tool = ScreeningToolPage.objects.get()
    assert statuses(tool, "bs")["version_history"] == CURRENT  # the demo's entries are translated
    entries = list(tool.version_history.all())
    entries[0].changes_en = "First regional version, piloted in six institutions."
    tool.version_history = entries
    tool.save_revision().publish()
    assert statuses(tool, "bs")["version_history"] == OUTDATED

    data = export_xliff([tool], "bs")
    assert "version_history.0.changes" in unit_ids(data)
    import_xliff(fill_targets(data, lambda text: f"[novo] {text}"))  # no publish: a draft
    assert statuses(tool, "bs")["version_history"] == CURRENT  # translators work on the draft
    draft = ScreeningToolPage.objects.get().get_latest_revision_as_object()
    assert draft.version_history.first().changes_bs.startswith("[novo] First regional version")
    assert not ScreeningToolPage.objects.get().version_history.first().changes_bs.startswith("[novo]")


def test_a_step_document_is_a_unit_and_its_change_outdates_the_steps():
    guide = GuidePage.objects.first()
    data = export_xliff([guide], "sq")
    assert "steps.0.documents.0" in unit_ids(data)
    steps = guide.steps.raw_data
    steps[0]["value"]["documents"][0]["value"] = "A new form"
    guide.save_revision().publish()
    assert statuses(guide, "sq")["steps"] == OUTDATED
