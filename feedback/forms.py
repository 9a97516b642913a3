"""The "Was this helpful?" form and its spam checks: a honeypot field, the signed timestamp
(feedback/tokens.py), a length limit and no links in the comment. No third-party service."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.models import COMMENT_MAX_LENGTH
from feedback.tokens import check_token

# What a link looks like in a comment: a scheme, a "www." host, or HTML and BBCode links.
LINK = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.|<\s*a\b|\[url)", re.IGNORECASE)

TOKEN_ERRORS = {
    "too_fast": _(
        "That was faster than anyone can read the page. Please wait a few seconds and send your answer again."
    ),
    "expired": _("This form has expired. Please send your answer again."),
    "invalid": _("This form has expired. Please send your answer again."),
}


class FeedbackForm(forms.Form):
    page = forms.IntegerField(widget=forms.HiddenInput)
    token = forms.CharField(widget=forms.HiddenInput)
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Please answer yes or no.")},
    )
    comment = forms.CharField(required=False, label=_("Comment (optional)"), widget=forms.Textarea)
    # The honeypot: hidden from people (CSS, aria-hidden, no tab stop); programs fill in every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Please keep your comment under %(limit)s characters."), params={"limit": COMMENT_MAX_LENGTH}
            )
        if LINK.search(comment):
            raise forms.ValidationError(_("Please leave links out of your comment."))
        return comment

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            raise forms.ValidationError(
                _("This answer looks as if a program filled it in, so it was not kept."), code="honeypot"
            )
        if "page" in cleaned and "token" in cleaned:
            verdict = check_token(cleaned["token"], cleaned["page"])
            if not verdict.ok:
                raise forms.ValidationError(TOKEN_ERRORS[verdict.reason], code=verdict.reason)
        return cleaned
