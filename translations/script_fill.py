"""An editor accepts the automatic transliteration: the empty fields of one Serbian script
are filled from the other and saved as a new draft revision (never published here)."""

from modeltranslation.translator import NotRegistered
from modeltranslation.utils import build_localized_fieldname

from languages.fallbacks import SCRIPT_TWINS
from languages.pages import ascii_slug
from languages.transliteration import to_script
from translations.registry import translatable_fields


def translated_fields(model):
    """The text fields a script can be filled in (slugs and paths are not text)."""
    try:
        return translatable_fields(model)
    except NotRegistered:
        return []


def fillable_fields(page, target):
    """Fields written in the other script and still empty in `target`."""
    source = SCRIPT_TWINS[target]
    return [
        name
        for name in translated_fields(type(page))
        if not getattr(page, build_localized_fieldname(name, target), None)
        and getattr(page, build_localized_fieldname(name, source), None)
    ]


def fill(page, target):
    """Fills `page` (not saved) in `target` from its twin script; returns the field names."""
    source = SCRIPT_TWINS[target]
    names = fillable_fields(page, target)
    for name in names:
        value = getattr(page, build_localized_fieldname(name, source))
        setattr(page, build_localized_fieldname(name, target), to_script(value, target))
    slug_field = build_localized_fieldname("slug", target)
    if "title" in names and not getattr(page, slug_field, ""):
        setattr(page, slug_field, ascii_slug(getattr(page, build_localized_fieldname("title", target))))
    return names


def fill_as_draft(page, target, user):
    """Fills the page's latest content (drafts included) and saves a new revision."""
    latest = page.get_latest_revision_as_object()
    names = fill(latest, target)
    if names:
        latest.save_revision(user=user, log_action=True)
    return names
