"""Forms of the translation admin views (filters, XLIFF upload)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from translations.registry import SECTIONS
from translations.scoping import editable_languages
from translations.snippet_collections import COLLECTIONS
from translations.status import STATUS_LABELS
from translations.xliff import MAX_XLIFF_BYTES


class ReportFilterForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *settings.LANGUAGES]
    )
    section = forms.ChoiceField(
        label=_("Section"),
        required=False,
        choices=[("", _("All sections")), *((key, label) for key, (label, _m) in SECTIONS.items())],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *STATUS_LABELS.items()]
    )
    mine = forms.BooleanField(label=_("Only my languages"), required=False)


class XliffImportForm(forms.Form):
    file = forms.FileField(label=_("XLIFF 2.0 file"))
    publish = forms.BooleanField(
        label=_("Publish the translated pages"),
        required=False,
        help_text=_("Only if you may publish them; otherwise the translation is saved as a draft for review."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # The size the upload handlers counted, checked before anything reads the file.
        if upload.size > MAX_XLIFF_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class SnippetExportForm(forms.Form):
    """A collection, one of the user's languages (English is the snippets' source), a format."""

    collection = forms.ChoiceField(
        label=_("Collection"), choices=[(key, label) for key, (label, _m) in COLLECTIONS.items()]
    )
    language = forms.ChoiceField(label=_("Language"))
    format = forms.ChoiceField(label=_("Format"), choices=[("xliff", "XLIFF 2.0"), ("po", "PO (Poedit)")])

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        languages = editable_languages(user)
        self.fields["language"].choices = [
            (code, name) for code, name in settings.LANGUAGES if code in languages and code != settings.LANGUAGE_CODE
        ]


class SnippetImportForm(XliffImportForm):
    file = forms.FileField(label=_("XLIFF 2.0 or PO file"))
    publish = None  # snippets have no drafts to publish
