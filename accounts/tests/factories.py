"""Accounts as the sign-up leaves them: a user, a confirmed address, an access request."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User

from accounts.models import Profile
from practices.models import Beneficiary

PASSWORD = "a long passphrase for a professional"


def applicant(email, beneficiary="XK", language="sq", confirmed=True):
    user = User.objects.create_user(email.split("@")[0], email, PASSWORD, first_name=email.split("@")[0].title())
    EmailAddress.objects.create(user=user, email=email, verified=confirmed, primary=True)
    return Profile.objects.create(
        user=user,
        name=email.split("@")[0].title(),
        institution="Prison Service",
        beneficiary=Beneficiary.objects.get(code=beneficiary),
        role="prison",
        preferred_language=language,
        statement="Prison officer.",
    )


def member_of(username, *groups):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user
