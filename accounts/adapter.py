"""allauth's account adapter, with its messages in the portal's catalogues.

allauth ships no Albanian, Bosnian, Macedonian or Montenegrin strings: the errors a visitor
meets on the sign-up and login forms are ours here, translated in every language."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_taken": _("An account with this e-mail address already exists. Sign in, or reset your password."),
        "email_password_mismatch": _("The e-mail address or the password is not correct."),
        "username_password_mismatch": _("The e-mail address or the password is not correct."),
    }
