"""The exchange's forms. The practice form has the fields, names and validation of
`import_practices` (practices/importing.py): a form is turned into an import record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from exchange import attachments
from exchange.models import Alert
from practices.importing import TEXT_FIELDS
from practices.models import Beneficiary, PracticePage, Setting, TargetGroup, Theme

MESSAGE_MAX = 5000


def label(name):
    """The practice field's own (translated) label: `body` is the approach."""
    if name == "title":
        return _("Title")
    return PracticePage._meta.get_field("approach" if name == "body" else name).verbose_name.capitalize()


NOT_IN_LIST = {"invalid_choice": _("“%(value)s” is not in the list: choose one of those shown.")}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe), each checked on its own."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(MultipleFileField, self).clean(file, initial) for file in files]
        for file in cleaned:
            attachments.check(file)
        return cleaned


class PracticeForm(forms.Form):
    """The practice template. Choices come from the same taxonomies the import checks against."""

    title = forms.CharField(label=label("title"), max_length=255)
    summary = forms.CharField(label=label("summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    problem = forms.CharField(label=label("problem"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    body = forms.CharField(label=label("body"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    beneficiary = forms.MultipleChoiceField(
        label=_("Beneficiary"), widget=forms.CheckboxSelectMultiple, error_messages=NOT_IN_LIST
    )
    setting = forms.ChoiceField(label=label("setting"), error_messages=NOT_IN_LIST)
    themes = forms.MultipleChoiceField(
        label=label("themes"), widget=forms.CheckboxSelectMultiple, required=False, error_messages=NOT_IN_LIST
    )
    target_groups = forms.MultipleChoiceField(
        label=label("target_groups"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages=NOT_IN_LIST,
    )
    start_year = forms.IntegerField(label=label("start_year"), min_value=1950, max_value=2100, required=False)
    restricted = forms.BooleanField(label=_("Only for verified professionals"), required=False)
    contact_name = forms.CharField(label=label("contact_name"), max_length=200, required=False)
    contact_role = forms.CharField(label=label("contact_role"), max_length=200, required=False)
    contact_email = forms.EmailField(label=label("contact_email"), required=False)
    attachments = MultipleFileField(label=_("Attachments (PDF, DOCX, ODT, images; 20 MB each)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            if name not in self.fields:
                self.fields[name] = forms.CharField(
                    label=label(name), widget=forms.Textarea(attrs={"rows": 3}), required=False
                )
        self.fields["beneficiary"].choices = [(b.code, str(b)) for b in Beneficiary.objects.order_by("code")]
        self.fields["setting"].choices = [("", "—")] + [(t.slug, str(t)) for t in Setting.objects.all()]
        self.fields["themes"].choices = [(t.slug, str(t)) for t in Theme.objects.all()]
        self.fields["target_groups"].choices = [(t.slug, str(t)) for t in TargetGroup.objects.all()]


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MESSAGE_MAX,
        error_messages={"max_length": _("The message is too long: at most 5 000 characters.")},
    )


class AlertForm(forms.ModelForm):
    class Meta:
        model = Alert
        fields = ["themes", "target_groups", "beneficiaries", "query", "frequency"]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "beneficiaries": forms.CheckboxSelectMultiple,
        }
        labels = {
            "themes": label("themes"),
            "target_groups": label("target_groups"),
            "beneficiaries": label("beneficiaries"),
            "query": _("Saved search"),
            "frequency": _("How often"),
        }

    def clean(self):
        data = super().clean()
        if not (data.get("themes") or data.get("target_groups") or data.get("beneficiaries") or data.get("query")):
            raise forms.ValidationError(_("Choose something to follow, or type a search."))
        return data
