"""XLIFF 2.0 export and import of translatable pages and snippets.

No maintained Python library writes XLIFF 2.0 with inline codes and `<originalData>`
(translate-toolkit's `xliff2` store handles plain-text units only), so files are built and
written with the standard library's ElementTree, namespaces spelled out, and read with
defusedxml (no DTDs, no entities: the file comes from outside), at most 10 MB.

One `<file id="practices.practicepage.12">` per object; one `<unit>` per field (a
StreamField: per text inside its blocks, `steps.0.body`); each unit records the digest of
the source text it was exported from (`mda:meta type="source-digest"`), which the import
checks before writing anything.
"""

import copy
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page

from languages.codes import LANGUAGE_CODES, bcp47
from translations.inline import (
    XLIFF_NS,
    InlineError,
    OriginalData,
    checked_original_data,
    html_to_inline,
    inline_to_html,
    inline_to_text,
    local,
    normalized_html,
    q,
    tag_markups,
)
from translations.registry import (
    digest,
    inline_items,
    inline_relations,
    object_key,
    resolve,
    segments,
    set_stream_segment,
    source_language,
    stream_raw,
    translatable_fields,
)
from translations.saving import save_snippet_translation
from translations.scoping import editable_languages
from translations.status import current_content

MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DIGEST_TYPE = "source-digest"
PROPOSAL_TYPE = "memory-proposal"  # the target is the translation memory's, not a translator's
CODES_BY_TAG = {bcp47(code).lower(): code for code in LANGUAGE_CODES}
MAX_XLIFF_BYTES = 10 * 1024 * 1024


def register_prefixes():
    """XLIFF as the default namespace, `mda` for metadata. ElementTree keeps prefixes in one
    table for the whole process, which other libraries write to (WeasyPrint maps "" to no
    namespace when it is imported): set ours again right before each export is written."""
    ET.register_namespace("", XLIFF_NS)
    ET.register_namespace("mda", MDA_NS)


class XliffError(Exception):
    """A file or request that cannot be used; `messages` says every reason."""

    def __init__(self, messages):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("\n".join(self.messages))


# Export ---------------------------------------------------------------------------------


def export_xliff(objects, target, source=None, memory=None):
    """XLIFF 2.0 bytes for `objects` (pages or snippets) from their source language into `target`."""
    return build_export(objects, target, source, memory).data


@dataclass
class Export:
    data: bytes
    prefilled: int = 0  # units whose target is a translation memory proposal


def build_export(objects, target, source=None, memory=None):
    """The XLIFF file and how many of its units `memory` (a translations.memory.Memory for
    `target`) pre-filled; without one, nothing is pre-filled."""
    contents = [current_content(obj) for obj in objects]
    source = _export_source(contents, source)
    if target not in LANGUAGE_CODES or target == source:
        raise XliffError(_("Choose a target language other than the source language."))
    root = ET.Element(q("xliff"), {"version": "2.0", "srcLang": bcp47(source), "trgLang": bcp47(target)})
    filler = _Filler(memory, source)
    for content in contents:
        file_element = _file_element(content, source, target, filler)
        if file_element is not None:
            root.append(file_element)
    if not len(root):
        raise XliffError(_("The selection has no text to translate."))
    if filler.count:
        comment = ET.Comment(f" {prefilled_message(filler.count)} ")
        comment.tail = "\n"
        root.insert(0, comment)
    _break_lines(root)
    register_prefixes()
    return Export(ET.tostring(root, encoding="utf-8", xml_declaration=True), filler.count)


def prefilled_message(count):
    """What an export says about its pre-filled units: in the file, the admin and the command."""
    return ngettext(
        "%(count)d unit pre-filled from the translation memory (state “initial”): "
        "review it and mark it translated, or it is not imported.",
        "%(count)d units pre-filled from the translation memory (state “initial”): "
        "review them and mark them translated, or they are not imported.",
        count,
    ) % {"count": count}


class _Filler:
    """Looks up proposals for untranslated units and counts them."""

    def __init__(self, memory, source):
        self.memory, self.source, self.count = memory, source, 0

    def proposal(self, text, is_html):
        found = self.memory.proposal(self.source, text, is_html) if self.memory else None
        self.count += found is not None
        return found


def _break_lines(root):
    """One structural element a line; never inside <source>/<target>, where spaces are text
    (which is why ET.indent, which indents mixed content too, is not used)."""
    for element in root.iter():
        if local(element.tag) in ("xliff", "file", "unit", "segment", "notes", "originalData", "metadata", "metaGroup"):
            element.text = (element.text or "") + "\n" if not (element.text or "").strip() else element.text
            for child in element:
                child.tail = "\n" if not (child.tail or "").strip() else child.tail


def _export_source(contents, source):
    if not contents:
        raise XliffError(_("Select at least one page or snippet to export."))
    languages = {source_language(content) for content in contents}
    if source is None and len(languages) == 1:
        return languages.pop()
    if source is None or languages != {source}:
        raise XliffError(_("Every object in one file must have the same source language; export them separately."))
    return source


def _file_element(content, source, target, filler):
    file_element = ET.Element(q("file"), id=object_key(content))
    original = _original(content, source)
    if original:
        file_element.set("original", original)
    for name in translatable_fields(type(content)):
        source_segments = segments(content, name, source)
        targets = _aligned_targets(source_segments, segments(content, name, target))
        for key, text, is_html in source_segments:
            if not text.strip():
                continue
            translated = targets.get(key, "")
            proposal = None if translated else filler.proposal(text, is_html)
            file_element.append(_unit(name, key, text, translated or proposal or "", is_html, proposal is not None))
    return file_element if len(file_element) else None


def _original(content, source):
    """What a CAT tool shows as the file's origin: a page's URL path in its source language (a
    relative IRI). Snippets have no address, so they get none: an empty `original` (which the
    English title of a page not written in English was) is refused by Okapi's reader."""
    if not isinstance(content, Page):
        return None
    with translation.override(source):
        parts = content.get_url_parts()
    return parts[2] if parts else None


def _aligned_targets(source_segments, target_segments):
    """Target texts by key; a StreamField target built on another structure gives none."""
    if [key for key, _t, _h in source_segments] != [key for key, _t, _h in target_segments]:
        return {}
    return {key: text for key, text, _h in target_segments if text.strip()}


def _unit(name, key, source_text, target_text, is_html, proposed=False):
    """A unit; a `proposed` target (from the memory) is marked as such and left `initial`."""
    unit = ET.Element(q("unit"), id=f"{name}.{key}" if key else name, name=name)
    metadata = ET.SubElement(unit, f"{{{MDA_NS}}}metadata")
    group = ET.SubElement(metadata, f"{{{MDA_NS}}}metaGroup", category="portal")
    ET.SubElement(group, f"{{{MDA_NS}}}meta", type=DIGEST_TYPE).text = digest(source_text)
    if proposed:
        ET.SubElement(group, f"{{{MDA_NS}}}meta", type=PROPOSAL_TYPE).text = digest(target_text)
        notes = ET.SubElement(unit, q("notes"))
        ET.SubElement(notes, q("note"), category="translation-memory").text = _(
            "Pre-filled from the translation memory: review it and mark it translated, or it is not imported."
        )
    state = "translated" if target_text and not proposed else "initial"
    segment = ET.Element(q("segment"), state=state)
    source = ET.SubElement(segment, q("source"), {XML_SPACE: "preserve"})
    target = ET.Element(q("target"), {XML_SPACE: "preserve"})
    if is_html:
        data, code_ids = OriginalData(), {}
        html_to_inline(source, source_text, data, code_ids)
        if target_text:
            html_to_inline(target, target_text, data, code_ids)
        if data.element() is not None:
            unit.append(data.element())
    else:
        source.text, target.text = source_text, target_text
    if target_text:
        segment.append(target)
    unit.append(segment)
    return unit


# Import ---------------------------------------------------------------------------------


@dataclass
class ObjectChanges:
    content: object  # the page (its latest revision) or snippet the targets are written into
    values: dict = field(default_factory=dict)  # localized field name -> new value
    incomplete: list = field(default_factory=list)  # fields left alone: some units untranslated
    items: dict = field(default_factory=dict)  # relation -> the inline items its values go into
    proposals: list = field(default_factory=list)  # fields left alone: memory proposals not confirmed


@dataclass
class ImportResult:
    target: str
    changed: list = field(default_factory=list)  # ObjectChanges actually written
    unchanged: int = 0
    incomplete: list = field(default_factory=list)  # (object, field)
    proposals: list = field(default_factory=list)  # (object, field) of unconfirmed memory proposals


def import_xliff(data, user=None, publish=False, models=None):
    """Validate the whole file, then write every changed target field in one transaction.

    Pages get a new revision (published only when `publish` and the user may publish);
    snippets are saved. Raises XliffError, having changed nothing, on any problem.
    """
    return import_root(parse_xliff(data), user, publish, models)


def import_root(root, user=None, publish=False, models=None):
    """import_xliff of a parsed file (a PO file comes in as the XLIFF it stands for);
    `models`, when given, are the only types of object the file may change."""
    source, target = _languages(root)
    plans, errors = [], []
    for file_element in root.findall(q("file")):
        try:
            plans.append(_plan_file(file_element, source, target, user, publish, models))
        except XliffError as error:
            errors += error.messages
    if errors:
        raise XliffError(errors)
    if not plans:
        raise XliffError(_("The file contains no <file> element: nothing to import."))
    result = ImportResult(target)
    with transaction.atomic():
        for plan in plans:
            result.incomplete += [(plan.content, name) for name in plan.incomplete]
            result.proposals += [(plan.content, name) for name in plan.proposals]
            if plan.values:
                _write(plan, user, publish)
                result.changed.append(plan)
            else:
                result.unchanged += 1
    return result


def read_limited(file):
    """The bytes of an uploaded or opened file, refused past MAX_XLIFF_BYTES: at most one
    byte more than the limit is ever read, so a huge file is not loaded into memory."""
    data = file.read(MAX_XLIFF_BYTES + 1)
    if len(data) > MAX_XLIFF_BYTES:
        raise XliffError(_("The file is larger than 10 MB."))
    return data


def parse_xliff(data):
    """A file's root element, read safely (XliffError when it is no XLIFF 2.0)."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except SafeET.ParseError as error:
        raise XliffError(_("The file is not well-formed XML (%(error)s).") % {"error": error}) from None
    except DefusedXmlException:
        raise XliffError(
            _("The file has a document type declaration (DTD) or entities, which XLIFF files never need: remove them.")
        ) from None
    if root.tag != q("xliff") or root.get("version") != "2.0":
        raise XliffError(
            _('This is not an XLIFF 2.0 file (expected <xliff version="2.0"> in the XLIFF 2.0 namespace).')
        )
    return root


def _languages(root):
    source = CODES_BY_TAG.get((root.get("srcLang") or "").lower())
    target = CODES_BY_TAG.get((root.get("trgLang") or "").lower())
    if source is None or target is None or source == target:
        raise XliffError(
            _(
                "The file's languages (%(source)s → %(target)s) are not a source "
                "and a different target language of the portal."
            )
            % {"source": root.get("srcLang") or "?", "target": root.get("trgLang") or "?"}
        )
    return source, target


def _resolve(file_id):
    obj = resolve(file_id)
    if obj is None:
        raise XliffError(_("File %(id)s: no such page or snippet in the portal.") % {"id": file_id})
    return current_content(obj)


def _plan_file(file_element, source, target, user, publish, models=None):
    file_id = file_element.get("id")
    content = _resolve(file_id)
    if models is not None and type(content) not in models:
        raise XliffError(
            _("File %(id)s: “%(object)s” is not one of the snippets this import takes.")
            % {"id": file_id, "object": content}
        )
    if source_language(content) != source:
        raise XliffError(
            _("File %(id)s: “%(object)s” is written in %(language)s, not in the file's source language.")
            % {"id": file_id, "object": content, "language": source_language(content)}
        )
    _check_permission(content, file_id, user, publish)
    _check_language(target, user)
    units_by_field, errors = {}, []
    fields = translatable_fields(type(content))
    for unit in file_element.iter(q("unit")):
        name, _dot, key = (unit.get("id") or "").partition(".")
        if name not in fields:
            errors.append(
                _("File %(id)s: unit “%(unit)s” is not a translatable field.") % {"id": file_id, "unit": unit.get("id")}
            )
            continue
        units_by_field.setdefault(name, {})[key] = unit
    plan = ObjectChanges(content)
    for name, units in units_by_field.items():
        try:
            _plan_field(plan, name, units, source, target)
        except (XliffError, InlineError) as error:
            messages = error.messages if isinstance(error, XliffError) else [str(error)]
            errors += [
                _("File %(id)s, field %(field)s: %(problem)s") % {"id": file_id, "field": name, "problem": message}
                for message in messages
            ]
    if errors:
        raise XliffError(errors)
    return plan


def _check_permission(content, file_id, user, publish):
    if user is None:
        return  # management commands run as the system
    if isinstance(content, Page):
        permissions = content.permissions_for_user(user)
        if publish and not permissions.can_publish():
            raise XliffError(
                _("File %(id)s: you may not publish “%(object)s”; import without publishing.")
                % {"id": file_id, "object": content}
            )
        allowed = permissions.can_edit()
    else:
        allowed = user.has_perm(f"{content._meta.app_label}.change_{content._meta.model_name}")
    if not allowed:
        raise XliffError(_("File %(id)s: you may not change “%(object)s”.") % {"id": file_id, "object": content})


def _check_language(target, user):
    """A translator imports only into the languages of her groups, as in the edit forms."""
    if user is not None and target not in editable_languages(user):
        raise XliffError(
            _("You may not change the %(language)s texts: it is not one of your languages.") % {"language": target}
        )


def _plan_field(plan, name, units, source, target):
    content = plan.content
    current = {key: (text, is_html) for key, text, is_html in segments(content, name, source) if text.strip()}
    if set(units) != set(current):
        raise XliffError(_("the source text changed since export (its parts differ); export it again."))
    texts, allowed = {}, _exported_tags(content, name, source, target)
    for key, unit in units.items():
        if _unit_digest(unit) != digest(current[key][0]):
            raise XliffError(
                _("the source text changed since export, or the file belongs to another object; export it again.")
            )
        texts[key] = None if _is_proposal(unit) else _unit_target(unit, current[key][1], allowed)
    missing = [key for key, text in texts.items() if text is None]
    if missing:
        unconfirmed = all(_is_proposal(units[key]) for key in missing)
        (plan.proposals if unconfirmed else plan.incomplete).append(name)
        return
    if name in inline_relations(type(content)):
        _plan_inline(plan, name, texts, target)
        return
    model_field = content._meta.get_field(name)
    if isinstance(model_field, StreamField):
        _plan_stream(plan, model_field, name, texts, source, target)
    else:
        _plan_plain(plan, name, texts[""], current[""][1], target)


def _is_proposal(unit):
    """A target the memory proposed that no translator confirmed: a segment still `initial`
    (XLIFF's default state when none is said)."""
    marked = unit.find(f"{{{MDA_NS}}}metadata/{{{MDA_NS}}}metaGroup/{{{MDA_NS}}}meta[@type='{PROPOSAL_TYPE}']")
    states = [segment.get("state", "initial") for segment in unit.findall(q("segment"))]
    return marked is not None and "initial" in states


def _unit_digest(unit):
    meta = unit.find(f"{{{MDA_NS}}}metadata/{{{MDA_NS}}}metaGroup/{{{MDA_NS}}}meta[@type='{DIGEST_TYPE}']")
    return (meta.text or "").strip() if meta is not None else None


def _exported_tags(content, name, source, target):
    """The tags an export of this field puts in `<originalData>`: those of its source text and
    of its current translation (both already stored, so nothing new can come in)."""
    texts = segments(content, name, source) + segments(content, name, target)
    return set().union(*(tag_markups(text) for _key, text, is_html in texts if is_html))


def _unit_target(unit, is_html, allowed):
    """The unit's translated text (its segments joined), or None when a segment has no target.

    Its inline codes may stand only for the `allowed` tags (see checked_original_data)."""
    items = {item.get("id"): item.text or "" for item in unit.findall(f"{q('originalData')}/{q('data')}")}
    data = checked_original_data(items, allowed) if is_html else items
    parts = []
    for part in unit:
        kind = local(part.tag)
        if kind not in ("segment", "ignorable"):
            continue
        element = part.find(q("target"))
        if element is None and kind == "ignorable":
            element = part.find(q("source"))
        if element is None or not (element.text or len(element)):
            return None
        parts.append(inline_to_html(element, data) if is_html else inline_to_text(element))
    return "".join(parts) if parts else None


def _same(old, new, is_html):
    old, new = (old or "").replace("\r\n", "\n"), (new or "").replace("\r\n", "\n")
    return (normalized_html(old) == normalized_html(new)) if is_html else old == new


def _plan_plain(plan, name, text, is_html, target):
    localized = build_localized_fieldname(name, target)
    if not _same(getattr(plan.content, localized, ""), text, is_html):
        plan.values[localized] = text


def _plan_inline(plan, relation, texts, target):
    """Each inline item's translated field, keyed `relation.index.field_xx` in `plan.values`."""
    items = inline_items(plan.content, relation)
    for key, text in texts.items():
        index, _dot, name = key.partition(".")
        localized = build_localized_fieldname(name, target)
        if not _same(getattr(items[int(index)], localized, ""), text, False):
            plan.values[f"{relation}.{index}.{localized}"] = text
    if any(key.startswith(f"{relation}.") for key in plan.values):
        plan.items[relation] = items


def _plan_stream(plan, model_field, name, texts, source, target):
    """The target stream is the source's blocks with the translated texts put in."""
    content = plan.content
    raw = copy.deepcopy(stream_raw(model_field, getattr(content, build_localized_fieldname(name, source))))
    for key, text in texts.items():
        set_stream_segment(raw, model_field.stream_block, key, text)
    old = {key: (text, is_html) for key, text, is_html in segments(content, name, target)}
    new = StreamValue(model_field.stream_block, raw, is_lazy=True)
    unchanged = set(old) == {key for key, _t, _h in segments(content, name, source)} and all(
        _same(old[key][0], text, old[key][1]) for key, text in texts.items()
    )
    if not unchanged:
        plan.values[build_localized_fieldname(name, target)] = new


def _submit_for_review(page, user):
    """A translation that is not published goes into the object's review workflow, if it has one."""
    workflow = page.get_workflow()
    if workflow is not None and user is not None and not page.workflow_in_progress:
        workflow.start(page, user)


def _write(plan, user, publish):
    content = plan.content
    for key, value in plan.values.items():
        relation, _dot, item_field = key.partition(".")
        if relation in plan.items:
            index, _dot, localized = item_field.partition(".")
            setattr(plan.items[relation][int(index)], localized, value)
        else:
            setattr(content, key, value)
    for relation, items in plan.items.items():
        setattr(content, relation, items)  # the items in memory are what the revision saves
    if isinstance(content, Page):
        revision = content.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
        else:
            _submit_for_review(content, user)
    elif isinstance(content, DraftStateMixin):
        # Reviewed snippets (the screening instrument): a translation is a change like any other,
        # a draft revision that goes live when a Reviewer other than its author approves it.
        content.save_revision(user=user, log_action=True)
        _submit_for_review(content, user)
    else:
        save_snippet_translation(content, user)
