"""Rich text ⇄ XLIFF 2.0 inline content.

Every HTML element becomes a paired code `<pc dataRefStart dataRefEnd>` and every void
element (`<br>`, Wagtail's `<embed>`) a placeholder `<ph dataRef>`; the original markup of
each tag is kept once in the unit's `<originalData>`, so a CAT tool shows protected tags and
the import rebuilds the exact markup.
"""

import re
from html import escape
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

from django.utils.translation import gettext as _

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
VOID_TAGS = {"area", "br", "embed", "hr", "img", "input", "wbr"}


def q(tag):
    return f"{{{XLIFF_NS}}}{tag}"


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class InlineError(ValueError):
    pass


class OriginalData:
    """The markup of one unit's codes: one `<data id>` per distinct tag text."""

    def __init__(self):
        self.ids = {}

    def ref(self, markup):
        return self.ids.setdefault(markup, f"d{len(self.ids) + 1}")

    def element(self):
        if not self.ids:
            return None
        original = ET.Element(q("originalData"))
        for markup, data_id in self.ids.items():
            ET.SubElement(original, q("data"), id=data_id).text = markup
        return original


class _Tokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("void" if tag in VOID_TAGS else "start", tag, self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("void", tag, self.get_starttag_text()))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag, f"</{tag}>"))

    def handle_data(self, data):
        self.tokens.append(("text", None, data))


def html_to_inline(parent, html, data, code_ids):
    """Fill the XLIFF element `parent` (a <source> or <target>) from an HTML fragment.

    `code_ids` maps a tag's markup to the ids its codes had in the source, so the same tag
    in the target carries the same id (what CAT tools align codes by).
    """
    parser = _Tokens()
    parser.feed(html or "")
    parser.close()
    stack = [(parent, None)]
    used = {}
    for kind, tag, text in parser.tokens:
        current = stack[-1][0]
        if kind == "text":
            _append_text(current, text)
        elif kind == "end" and any(open_tag == tag for _el, open_tag in stack[1:]):
            while stack[-1][1] != tag:
                stack.pop()
            stack.pop()[0].set("dataRefEnd", data.ref(text))
        elif kind == "start":
            element = ET.SubElement(current, q("pc"), id=_code_id(text, code_ids, used), dataRefStart=data.ref(text))
            stack.append((element, tag))
        else:  # a void element, or an end tag that closes nothing
            ET.SubElement(current, q("ph"), id=_code_id(text, code_ids, used), dataRef=data.ref(text))


def _code_id(markup, code_ids, used):
    """The n-th occurrence of a markup gets the id of its n-th occurrence in the source."""
    occurrence = used.get(markup, 0)
    used[markup] = occurrence + 1
    ids = code_ids.setdefault(markup, [])
    if occurrence < len(ids):
        return ids[occurrence]
    new_id = str(sum(len(values) for values in code_ids.values()) + 1)
    ids.append(new_id)
    return new_id


def _append_text(element, text):
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def inline_to_html(element, data):
    """The HTML an XLIFF <source>/<target> stands for; `data` maps data ids to markup."""
    parts = [escape(element.text or "", quote=False)]
    for child in element:
        tag = local(child.tag)
        if tag == "pc":
            parts += [
                _markup(child, "dataRefStart", data),
                inline_to_html(child, data),
                _markup(child, "dataRefEnd", data),
            ]
        elif tag in ("ph", "sc", "ec"):
            parts.append(_markup(child, "dataRef", data))
        elif tag == "mrk":
            parts.append(inline_to_html(child, data))
        elif tag == "cp":
            parts.append(escape(code_point(child), quote=False))
        else:
            raise InlineError(_("unexpected element <%(tag)s> in the text") % {"tag": tag})
        parts.append(escape(child.tail or "", quote=False))
    return "".join(parts)


def _markup(code, attribute, data):
    ref = code.get(attribute)
    if ref is None:
        return ""
    if ref not in data:
        raise InlineError(_("the inline code %(ref)s is not in the unit's original data") % {"ref": ref})
    return data[ref]


def inline_to_text(element):
    """A plain-text field's content: its text and `<cp>` characters, inline codes dropped."""
    parts = [element.text or ""]
    for child in element:
        parts += [code_point(child) if local(child.tag) == "cp" else inline_to_text(child), child.tail or ""]
    return "".join(parts)


HEX = re.compile(r"[0-9A-Fa-f]{1,6}")


def code_point(cp):
    """The character a `<cp hex="…"/>` stands for (XLIFF 2.0's way to carry a character that
    XML cannot). NUL and surrogates are refused too: no database column can store them."""
    value = cp.get("hex") or ""
    number = int(value, 16) if HEX.fullmatch(value) else -1
    if not (0 < number <= 0x10FFFF) or 0xD800 <= number <= 0xDFFF:
        raise InlineError(
            _('<cp hex="%(hex)s"/> is not a valid character code (a hexadecimal Unicode code point such as 00A0).')
            % {"hex": value[:12]}
        )
    return chr(number)


def tag_markups(html):
    """Every tag of an HTML fragment as written (`<a href="...">`, `</a>`, `<br/>`): what its
    codes' `<data>` hold on export, and so all that an import may put back."""
    parser = _Tokens()
    parser.feed(html or "")
    parser.close()
    return {text for kind, _tag, text in parser.tokens if kind != "text"}


def checked_original_data(items, allowed):
    """`items` (data id -> markup, as the file says) when every markup is one of `allowed`.

    The file comes back from a translator's tool: its `<originalData>` may have been edited,
    and whatever it holds would go into the page as raw HTML. So a code may only stand for a
    tag that the text it was exported from already had; anything else is refused.
    """
    for data_id, markup in items.items():
        if markup not in allowed:
            raise InlineError(
                _("the inline code %(ref)s is not one of the tags of this text as exported; export it again.")
                % {"ref": data_id}
            )
    return items


def normalized_html(html):
    """HTML as it comes back from an XLIFF round trip (entities resolved, tags as written)."""
    element, data = ET.Element(q("source")), OriginalData()
    html_to_inline(element, html, data, {})
    return inline_to_html(element, {data_id: markup for markup, data_id in data.ids.items()})
