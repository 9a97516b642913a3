"""The XLIFF exchange as gettext PO files, for translators who prefer Poedit (polib).

A PO file is the same export written differently, and its import is the XLIFF import: it is
turned into the XLIFF it stands for and checked and written by `xliff.import_root`. So an
entry is a unit: `msgctxt` names the object and the unit (`practices.theme.3|name`), `msgid`
is the source text (its digest is what the import compares with the current source), `msgstr`
the translation. A translation memory proposal is `fuzzy`: it is imported once a translator
removes the flag (Poedit: "Needs review" off).
"""

from xml.etree import ElementTree as ET

import polib
from django.utils.translation import gettext as _

from translations.inline import OriginalData, html_to_inline, inline_to_html, inline_to_text, q, tag_markups
from translations.registry import digest
from translations.xliff import (
    DIGEST_TYPE,
    MDA_NS,
    PROPOSAL_TYPE,
    Export,
    XliffError,
    build_export,
    import_root,
    parse_xliff,
    prefilled_message,
)

CONTEXT_SEPARATOR = "|"


def export_po(objects, target, source=None, memory=None):
    """The PO file of what `build_export` puts in an XLIFF file."""
    export = build_export(objects, target, source, memory)
    root = parse_xliff(export.data)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "portal",
        "Language": root.get("trgLang"),
        "X-Source-Language": root.get("srcLang"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if export.prefilled:
        po.header = prefilled_message(export.prefilled)
    for file_element in root.findall(q("file")):
        for unit in file_element.iter(q("unit")):
            po.append(_entry(file_element.get("id"), unit))
    return Export(str(po).encode("utf-8"), export.prefilled)


def _entry(file_id, unit):
    data = {item.get("id"): item.text or "" for item in unit.findall(f"{q('originalData')}/{q('data')}")}
    segment = unit.find(q("segment"))

    def text(element):
        if element is None:
            return ""
        return inline_to_html(element, data) if data else inline_to_text(element)

    entry = polib.POEntry(
        msgctxt=f"{file_id}{CONTEXT_SEPARATOR}{unit.get('id')}",
        msgid=text(segment.find(q("source"))),
        msgstr=text(segment.find(q("target"))),
    )
    if _meta(unit, PROPOSAL_TYPE) is not None:
        entry.flags.append("fuzzy")
        entry.comment = _(
            "Pre-filled from the translation memory: review it and mark it translated, or it is not imported."
        )
    return entry


def _meta(unit, kind):
    return unit.find(f"{{{MDA_NS}}}metadata/{{{MDA_NS}}}metaGroup/{{{MDA_NS}}}meta[@type='{kind}']")


def import_po(data, user=None, models=None):
    """Check the whole PO file, then write its translations (xliff.import_root)."""
    return import_root(po_as_xliff(data), user, False, models)


def po_as_xliff(data):
    """The XLIFF root a PO file stands for; XliffError names the line of a malformed entry."""
    po = _read(data)
    root = ET.Element(q("xliff"), {"version": "2.0"})
    for attribute, header in (("srcLang", "X-Source-Language"), ("trgLang", "Language")):
        if po.metadata.get(header):
            root.set(attribute, po.metadata[header].replace("_", "-"))
    files, errors = {}, []
    for entry in po:
        if entry.obsolete:
            continue
        file_id, separator, unit_id = (entry.msgctxt or "").partition(CONTEXT_SEPARATOR)
        if not (separator and file_id and unit_id):
            errors.append(
                _("Entry on line %(line)d: its context (msgctxt) does not name an object and a field; export it again.")
                % {"line": entry.linenum}
            )
            continue
        if file_id not in files:
            files[file_id] = ET.SubElement(root, q("file"), id=file_id)
        files[file_id].append(_unit(entry, unit_id))
    if errors:
        raise XliffError(errors)
    return root


def _read(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise XliffError(_("The PO file is not encoded in UTF-8.")) from None
    # polib reads a file from disk when given an existing path: content always has a line break.
    text = text if "\n" in text else text + "\n"
    try:
        return polib.pofile(text, check_for_duplicates=True)
    except (OSError, ValueError) as error:
        raise XliffError(_("The PO file cannot be read: %(error)s") % {"error": error}) from None


def _unit(entry, unit_id):
    """The unit an entry stands for: the digest of its msgid as the source digest, a fuzzy
    translation as an unconfirmed proposal; tags only where the source has tags."""
    unit = ET.Element(q("unit"), id=unit_id, name=unit_id.partition(".")[0])
    group = ET.SubElement(ET.SubElement(unit, f"{{{MDA_NS}}}metadata"), f"{{{MDA_NS}}}metaGroup", category="portal")
    ET.SubElement(group, f"{{{MDA_NS}}}meta", type=DIGEST_TYPE).text = digest(entry.msgid)
    fuzzy = entry.fuzzy and bool(entry.msgstr)
    if fuzzy:
        ET.SubElement(group, f"{{{MDA_NS}}}meta", type=PROPOSAL_TYPE).text = digest(entry.msgstr)
    segment = ET.Element(q("segment"), state="initial" if fuzzy or not entry.msgstr else "translated")
    ET.SubElement(segment, q("source")).text = entry.msgid
    if entry.msgstr:
        target = ET.SubElement(segment, q("target"))
        if tag_markups(entry.msgid):
            data = OriginalData()
            html_to_inline(target, entry.msgstr, data, {})
            if data.element() is not None:
                unit.append(data.element())
        else:
            target.text = entry.msgstr
    unit.append(segment)
    return unit
