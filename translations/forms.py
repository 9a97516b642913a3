"""Admin forms that let a language-scoped translator change only their languages' fields.

Every other field stays in the form, disabled, so the translator sees it for reference; Django
then ignores whatever is posted for it. On top of that a POST that carries a different value
for such a field (the browser never sends disabled fields, so only a crafted request does) is
refused with a form error, and nothing is saved.
"""

import copy

from django import forms
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks.base import BlockField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from translations.sanitise import clean_rich_text
from translations.scoping import editable_languages, is_language_scoped

NOT_YOUR_LANGUAGE = _("Read-only: not your language.")
NOT_TRANSLATED = _("Read-only: translators change only the fields of their own languages.")
REFUSED = _("You may not change this field: it is not in your languages. Your changes were not saved.")
REFUSED_INLINE = _("%(section)s: you may not change %(fields)s (not in your languages). Your changes were not saved.")
REFUSED_SUMMARY = _("You may change only the fields of your languages (%(languages)s). Nothing was saved.")
NO_LANGUAGE = _("none: ask an administrator to add you to a language group")

# Personal preferences rather than content: every editor keeps them.
ALWAYS_OPEN = frozenset({"comment_notifications"})
# The comments formset is review discussion, not content.
OPEN_FORMSETS = frozenset({"comments"})
CHECKBOXES = (forms.CheckboxInput, forms.CheckboxSelectMultiple)


def field_languages(model):
    """Form field name -> language code for `model`'s translated fields (`summary_sq` -> `sq`)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {field.name: field.language for fields in options.all_fields.values() for field in fields}


class ReadOnlyDisplay(forms.Widget):
    """Shows a rich text or StreamField value for reference; it posts nothing."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = attrs or {}
        if hasattr(value, "render_as_block"):
            shown = value.render_as_block()
        else:
            # Rich text as stored, with its links expanded as on the site. It may come from
            # another translator or an import: whitelist it first, and mark only that safe.
            shown = mark_safe(expand_db_html(clean_rich_text(value)))
        return format_html(
            '<div class="w-field__textoutput translations-read-only" id="{}" aria-readonly="true" '
            'aria-disabled="true" data-read-only="{}">{}</div>',
            attrs.get("id", ""),
            name,
            shown,
        )

    def value_from_datadict(self, data, files, name):
        return None

    def value_omitted_from_data(self, data, files, name):
        return True


def lock(form, name, note):
    """Disable `form`'s field `name`, remembering the widget a crafted POST would be read with."""
    field = form.fields[name]
    form.locked_widgets[name] = field.widget
    field.disabled = True
    field.required = False  # its stored value is kept, whatever it is
    field.help_text = note
    if isinstance(field, BlockField) or isinstance(field.widget, DraftailRichTextArea):
        field.widget = ReadOnlyDisplay()
    elif isinstance(field.widget, BaseChooser):
        # The chooser's buttons would still work in the browser: show the choice instead.
        field.widget = forms.Select(choices=field.choices)


def lock_foreign_fields(form, languages, keep=()):
    """Lock every field of `form` that is not in one of `languages`."""
    form.locked_widgets = {}
    translated = field_languages(form._meta.model)
    for name in list(form.fields):
        if name in ALWAYS_OPEN or name in keep:
            continue
        language = translated.get(name)
        if language in languages:
            continue
        lock(form, name, NOT_YOUR_LANGUAGE if language else NOT_TRANSLATED)


def posted_changes(form):
    """Names of `form`'s locked fields whose POSTed value differs from the stored one."""
    changed = []
    for name, widget in form.locked_widgets.items():
        key = form.add_prefix(name)
        # Absent means the browser left a disabled field out; for checkboxes it is ambiguous
        # (unchecked boxes are never sent), and the disabled field keeps the stored value anyway.
        if widget.value_omitted_from_data(form.data, form.files, key):
            continue
        if isinstance(widget, CHECKBOXES) and key not in form.data:
            continue
        # A disabled field never reports a change: ask an enabled copy of it.
        probe = copy.copy(form.fields[name])
        probe.disabled = False
        stored = form.get_initial_for_field(form.fields[name], name)
        if probe.has_changed(stored, widget.value_from_datadict(form.data, form.files, key)):
            changed.append(name)
    return changed


class LanguageScopedFormMixin:
    """For a language-scoped translator: other languages' and untranslated fields read-only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked_widgets = {}
        self.editable_languages = editable_languages(self.for_user)
        if not is_language_scoped(self.for_user):
            return
        lock_foreign_fields(self, self.editable_languages)
        for prefix, formset in self.formsets.items():
            if prefix in OPEN_FORMSETS:
                continue
            # The child's id and link to this object identify it; without them Django
            # would take an existing child for a new one.
            keep = {formset.model._meta.pk.name, formset.fk.name}
            for child in formset.forms:
                lock_foreign_fields(child, self.editable_languages, keep=keep)

    def clean(self):
        cleaned_data = super().clean()
        refused = False
        for name in posted_changes(self):
            self.add_error(name, forms.ValidationError(REFUSED, code="not_your_language"))
            refused = True
        for formset in self.formsets.values():
            # Errors added to a child form now would be wiped when the formset is validated.
            changed = sorted(
                {name for child in formset.forms if hasattr(child, "locked_widgets") for name in posted_changes(child)}
            )
            if changed:
                message = REFUSED_INLINE % {
                    "section": formset.model._meta.verbose_name_plural,
                    "fields": ", ".join(changed),
                }
                self.add_error(None, forms.ValidationError(message, code="not_your_language"))
                refused = True
        if refused:
            self.add_error(
                None,
                forms.ValidationError(
                    REFUSED_SUMMARY % {"languages": self.languages_display()}, code="not_your_language"
                ),
            )
        return cleaned_data

    def languages_display(self):
        return ", ".join(sorted(self.editable_languages)) or str(NO_LANGUAGE)


def language_scoped(form_class):
    """`form_class` with the language scoping mixed in (unchanged if it already has it)."""
    if issubclass(form_class, LanguageScopedFormMixin):
        return form_class
    name = f"LanguageScoped{form_class.__name__}"
    return type(form_class)(name, (LanguageScopedFormMixin, form_class), {"__module__": __name__})


def install():
    """Give every translated page type and snippet the language-scoped form.

    Runs in TranslationsConfig.ready(), after wagtail-modeltranslation has patched the panels
    and wrapped the page forms (its app is listed first), so it wraps their result.
    """
    for model in translator.get_registered_models():
        model.base_form_class = language_scoped(getattr(model, "base_form_class", WagtailAdminModelForm))
        if issubclass(model, Page):
            # The page edit handler captured the previous form class.
            model.get_edit_handler.cache_clear()
