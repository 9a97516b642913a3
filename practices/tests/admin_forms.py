"""Reads an admin form the way a browser submits it, so tests post what a person would."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.values = []
        self._textarea = None
        self._select = None
        self._options = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id or (self.form_id is None and not self.values)
            return
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file", "image"):
                return
            self.values.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select, self._options = name, []
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.values.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            if chosen:
                self.values.append((self._select, chosen[0]))
            self._select = None


def form_values(html, form_id="page-edit-form"):
    """The form's fields with their current values; a field sent several times gives a list."""
    parser = _FormParser(form_id)
    parser.feed(html)
    values = {}
    for name, value in parser.values:
        if name in values:
            previous = values[name]
            values[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            values[name] = value
    return values
