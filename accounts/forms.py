"""The access request (allauth's sign-up form extends it), the profile and a focal point's decision."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.choices import Role
from accounts.models import Profile
from practices.models import Beneficiary

STATEMENT_MAX_LENGTH = 1000


class AccessRequestForm(forms.Form):
    """The fields allauth's sign-up form adds to e-mail and password (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(label=_("Full name"), max_length=150)
    institution = forms.CharField(label=_("Institution"), max_length=200)
    beneficiary = forms.ModelChoiceField(
        label=_("Beneficiary"),
        queryset=Beneficiary.objects.all(),
        empty_label=_("Choose your Beneficiary"),
        error_messages={"invalid_choice": _("Choose one of the six Beneficiaries in the list.")},
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose your role")), *Role.choices])
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    statement = forms.CharField(
        label=_("Short statement"),
        help_text=_("Your work and why you need access to restricted practices."),
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = get_language()

    def signup(self, request, user):
        """allauth calls this once the user is saved: the request waits for a focal point."""
        data = self.cleaned_data
        user.first_name = data["name"][:150]
        user.save(update_fields=["first_name"])
        Profile.objects.create(
            user=user,
            name=data["name"],
            institution=data["institution"],
            beneficiary=data["beneficiary"],
            role=data["role"],
            preferred_language=data["preferred_language"],
            statement=data["statement"],
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["name", "institution", "role", "preferred_language", "statement"]
        labels = {
            "name": _("Full name"),
            "institution": _("Institution"),
            "role": _("Role"),
            "preferred_language": _("Preferred language"),
            "statement": _("Short statement"),
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
