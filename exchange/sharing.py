"""A practice shared from the public site: the form becomes an `import_practices` record, saved by
the importer as a draft, then submitted to the review workflow."""

import html
import re
import secrets

from django.db import transaction
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction, WorkflowState

from exchange.models import Contribution
from languages.pages import ascii_slug
from practices import access
from practices.importing import TRANSLATED_KEYS, PracticeImporter, Validator, csv_row_to_record
from practices.models import PracticePage
from practices.models.practice import PracticeAttachment

LIST_FIELDS = ("beneficiary", "themes", "target_groups")
SCALAR_FIELDS = ("setting", "start_year", "contact_name", "contact_role", "contact_email")
FIELD_OF_ERROR = {"contact": "contact_email", "start_year": "start_year", "setting": "setting"}


def new_slug(title):
    # The record's stable identifier; a random tail keeps two practices of one title apart.
    return f"{slugify(ascii_slug(title))[:60].strip('-') or 'practice'}-{secrets.token_hex(3)}"


def record_from(data, language, slug):
    """The form's cleaned data as the import's CSV columns, read by the import itself."""
    columns = {f"{key}_{language}": data.get(key) or "" for key in TRANSLATED_KEYS}
    columns.update({name: ";".join(data.get(name) or []) for name in LIST_FIELDS})
    columns.update({name: str(data.get(name) or "") for name in SCALAR_FIELDS})
    columns.update(slug=slug, original_language=language, restricted="true" if data.get("restricted") else "false")
    return csv_row_to_record(columns)


def record_errors(record):
    """The import's own checks, as (form field or None, message)."""
    for name, message in Validator().check(record):
        field = name.rsplit(".", 1)[-1] if name.startswith("translations.") else FIELD_OF_ERROR.get(name, name)
        yield field, message


@transaction.atomic
def save(record, user, files=(), page=None):
    """Create or update the contributor's draft; returns the page."""
    PracticeImporter(user=user).import_records([record])
    page = PracticePage.objects.get(record_slug=record["slug"])
    Contribution.objects.get_or_create(page_id=page.pk, defaults={"contributor": user})
    if files:
        attach(page, files, user, restricted=record.get("restricted") == "true")
    return page


def attach(page, files, user, restricted):
    collection = access.restricted_collection() if restricted else Collection.get_first_root_node()
    draft = page.get_latest_revision_as_object()
    for upload in files:
        document = get_document_model()(title=upload.name, file=upload, collection=collection, uploaded_by_user=user)
        document._set_document_file_metadata()
        document.save()
        draft.attachments.add(PracticeAttachment(document=document, label=upload.name))
    draft.save_revision(user=user)


def submit(page, user):
    """Into the review workflow: started, or resumed after a reviewer asked for changes."""
    page = PracticePage.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is None:
        page.get_workflow().start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)


def initial_from(page):
    """The form's initial values from the page's latest revision, in its original language."""
    draft = page.get_latest_revision_as_object()
    language = draft.original_language
    initial = {
        key: getattr(draft, build_localized_fieldname("approach" if key == "body" else key, language), "") or ""
        for key in TRANSLATED_KEYS
    }
    initial["body"] = html_to_paragraphs(initial["body"])
    initial.update(
        beneficiary=[b.code for b in draft.beneficiaries.all()],
        themes=[t.slug for t in draft.themes.all()],
        target_groups=[t.slug for t in draft.target_groups.all()],
        setting=draft.setting.slug if draft.setting else "",
        start_year=draft.start_year,
        restricted=PageViewRestriction.objects.filter(page=page).exists(),
        contact_name=draft.contact_name,
        contact_role=draft.contact_role,
        contact_email=draft.contact_email,
    )
    return initial


def html_to_paragraphs(value):
    """The inverse of the import's paragraphs_to_html: blank lines between paragraphs."""
    blocks = re.findall(r"<p[^>]*>(.*?)</p>", value or "", flags=re.S)
    return "\n\n".join(html.unescape(re.sub(r"<br\s*/?>", "\n", block)) for block in blocks)
