"""What is translatable: the models, their sections, their fields and the text segments in them.

Fields come from the modeltranslation registrations (`practices/translation.py`,
`home/translation.py`), a page's inline items included; only the sections below are tracked. Slugs and URL paths
are translated by wagtail-modeltranslation too, but they are addresses, not text.
"""

import functools
import hashlib
import json

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_all_child_relations
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField

from languages.codes import DEFAULT_LANGUAGE

SECTIONS = {
    "practices": (_("Practices"), ["practices.PracticeIndexPage", "practices.PracticePage"]),
    "guides": (_("Guides"), ["practices.GuideIndexPage", "practices.GuidePage"]),
    "screening": (
        _("Screening tool"),
        [
            "practices.ScreeningToolPage",
            "practices.IndicatorDomain",
            "practices.Indicator",
            "practices.ReferralPathway",
        ],
    ),
    "taxonomies": (
        _("Taxonomies"),
        ["practices.Beneficiary", "practices.Setting", "practices.Theme", "practices.TargetGroup"],
    ),
    "glossary": (_("Glossary"), ["practices.GlossaryTerm"]),
    "home": (_("Home page"), ["home.HomePage"]),
}

NOT_TEXT = {"slug", "url_path"}


def tracked_models():
    """(section key, model class) for every tracked model, in report order."""
    return [(key, apps.get_model(label)) for key, (_label, labels) in SECTIONS.items() for label in labels]


def section_of(model):
    label = f"{model._meta.app_label}.{model.__name__}"
    return next((key for key, (_l, labels) in SECTIONS.items() if label in labels), None)


def is_tracked(model):
    return section_of(model) is not None


def object_key(obj):
    """A stable identifier naming an object and its type, e.g. `practices.practicepage.12`."""
    return f"{obj._meta.label_lower}.{obj.pk}"


def resolve(key):
    """The tracked object an `object_key` names, or None."""
    label, _dot, pk = (key or "").rpartition(".")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not is_tracked(model) or not pk.isdigit():
        return None
    obj = model.objects.filter(pk=pk).first()
    return obj.specific if hasattr(obj, "specific") else obj


def translatable_fields(model):
    """The translated text fields of `model`, in the order the model declares them, then its
    inline items (`inline_relations`), each relation counting as one field."""
    return own_fields(model) + list(inline_relations(model))


def own_fields(model):
    """The translated text fields of `model` itself, without its inline items."""
    try:
        names = set(translator.get_options_for_model(model).get_field_names()) - NOT_TEXT
    except NotRegistered:
        return []
    return [field.name for field in model._meta.get_fields() if field.name in names and field.concrete]


@functools.cache
def inline_relations(model):
    """{relation: its translated fields} for a page's inline items whose model is registered with
    modeltranslation (practice attachments' and guide annexes' `label`, the screening tool's
    `version_history` entries' `changes`). They are edited, saved and revised with the page, so
    they are tracked and exchanged as part of it: one status per relation, one XLIFF unit per
    item and field (`attachments.0.label`)."""
    if not issubclass(model, ClusterableModel):
        return {}
    relations = {}
    for relation in get_all_child_relations(model):
        fields = own_fields(relation.related_model)
        if fields:
            relations[relation.get_accessor_name()] = fields
    return relations


def source_language(obj):
    """Pages are written in their original language; snippets in English."""
    return getattr(obj, "original_language", None) or DEFAULT_LANGUAGE


def segments(obj, field_name, language):
    """The text of a field in one language as [(key, text, is_html)].

    A plain or rich-text field is one segment (key ""); a StreamField gives one segment per
    text inside its blocks, keyed by position (`0.body`, `0.documents.1`).
    """
    if field_name in inline_relations(type(obj)):
        return _inline_segments(obj, field_name, language)
    field = obj._meta.get_field(field_name)
    value = getattr(obj, build_localized_fieldname(field_name, language), None)
    if isinstance(field, StreamField):
        return list(_stream_segments(field.stream_block, stream_raw(field, value), ""))
    return [("", value or "", isinstance(field, RichTextField))]


def inline_items(obj, relation):
    """The inline items of one relation in their order: by `sort_order`, then by id, so that
    positions (the units' keys) are the same in every read of the page or of a revision, even
    for items stored without a sort order (the database then returns them in any order)."""
    items = list(getattr(obj, relation).all()) if obj is not None else []
    return sorted(items, key=lambda item: (getattr(item, "sort_order", None) or 0, item.pk or 0))


def _inline_segments(obj, relation, language):
    """One plain-text segment per item and translated field, keyed by position (`0.label`)."""
    fields = inline_relations(type(obj))[relation]
    return [
        (f"{index}.{name}", getattr(item, build_localized_fieldname(name, language), None) or "", False)
        for index, item in enumerate(inline_items(obj, relation))
        for name in fields
    ]


def stream_raw(field, value):
    """A StreamField value as its JSON-able list (whatever form it was assigned in)."""
    if not value:
        return []
    if not isinstance(value, StreamValue):
        value = field.to_python(value)
    return field.stream_block.get_prep_value(value)


def _stream_segments(block, raw, path):
    if isinstance(block, blocks.StreamBlock):
        for index, child in enumerate(raw or []):
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from _stream_segments(child_block, child.get("value"), _join(path, index))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _stream_segments(child_block, (raw or {}).get(name), _join(path, name))
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(raw or []):
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            yield from _stream_segments(block.child_block, value, _join(path, index))
    elif isinstance(block, blocks.RichTextBlock):
        yield path, raw or "", True
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield path, raw or "", False


def _join(path, part):
    return f"{path}.{part}" if path else str(part)


def set_stream_segment(raw, block, key, text):
    """Put `text` at `key` inside a StreamField's JSON list (modified in place)."""
    parts = key.split(".")
    container, node = None, raw
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if isinstance(block, blocks.StreamBlock):
            child = node[int(part)]
            block = block.child_blocks[child["type"]]
            container, node, slot = child, child["value"], "value"
        elif isinstance(block, blocks.StructBlock):
            block = block.child_blocks[part]
            container, node, slot = node, node.get(part), part
        elif isinstance(block, blocks.ListBlock):
            item = node[int(part)]
            block = block.child_block
            if isinstance(item, dict) and "type" in item:
                container, node, slot = item, item.get("value"), "value"
            else:
                container, node, slot = node, item, int(part)
        if last:
            container[slot] = text


def is_empty(segment_list):
    return not any(text.strip() for _key, text, _html in segment_list)


def digest(text_or_segments):
    """The version of a source text: sha256 of its text (a field's segments, or one segment)."""
    if isinstance(text_or_segments, str):
        payload = text_or_segments
    else:
        payload = json.dumps([[key, text] for key, text, _html in text_or_segments], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
