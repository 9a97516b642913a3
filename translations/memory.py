"""Translation memory: translations the portal already has, offered for equal source texts.

When an exported unit has no translation yet and its source text equals (after `normalised`)
a source text that is already translated into the target language elsewhere (another page,
another snippet, another field), the export pre-fills the target with that translation as a
*proposal* (XLIFF `state="initial"`, a PO `fuzzy` flag): the import applies it only once a
translator has confirmed it (docs/translation.md, "Translation memory").

The memory is read once per export (two queries per tracked model: its objects and their
translation records) and looked up in memory. Only *current* translations go in: an outdated
one translates an older source text than the one it sits next to. Inline items (attachment
labels, version entries) are left out: reading them costs a query per page.
"""

import re
import unicodedata
from dataclasses import dataclass
from html import unescape

from django.utils.html import strip_tags

from languages.codes import LANGUAGE_CODES
from translations.inline import tag_markups
from translations.registry import own_fields, segments, source_language, tracked_models
from translations.status import CURRENT, field_status, records_by_object

SPACES = re.compile(r"\s+")


def normalised(text):
    """What makes two source texts "the same": tags stripped, entities resolved, whitespace
    collapsed and trimmed, Unicode NFC. Case is kept: a proposal should not need recasing."""
    plain = unicodedata.normalize("NFC", strip_tags(text or ""))
    return SPACES.sub(" ", unescape(plain)).strip()


@dataclass(frozen=True)
class Proposal:
    text: str
    is_html: bool


class Memory:
    """{(source language, normalised source text): Proposal} for one target language."""

    def __init__(self, target, entries=None):
        self.target = target
        self.entries = entries or {}

    def proposal(self, source, text, is_html):
        """The stored translation for a unit whose source is `text`, or None.

        Rich text is proposed only if its tags are tags the unit's source has (the import
        accepts no other markup); plain text only for plain text."""
        found = self.entries.get((source, normalised(text)))
        if found is None or found.is_html != is_html:
            return None
        if is_html and not tag_markups(found.text) <= tag_markups(text):
            return None
        return found.text


def memory_for(target):
    """The memory for `target`, or None when it is no language (the export then says why)."""
    return build_memory(target) if target in LANGUAGE_CODES else None


def build_memory(target):
    """The memory of every tracked object's current translations into `target`."""
    entries = {}
    for _section, model in tracked_models():
        records = records_by_object(model)
        fields = own_fields(model)
        for obj in model.objects.all():
            _add_object(entries, obj, fields, target, records.get(str(obj.pk), {}))
    return Memory(target, entries)


def _add_object(entries, obj, fields, target, records):
    source = source_language(obj)
    if source == target:
        return
    for name in fields:
        source_segments = segments(obj, name, source)
        if field_status(obj, name, target, records, source_segments) != CURRENT:
            continue
        targets = {key: text for key, text, _html in segments(obj, name, target)}
        for key, text, is_html in source_segments:
            translated = targets.get(key, "")
            if text.strip() and translated.strip():
                entries.setdefault((source, normalised(text)), Proposal(translated, is_html))
