"""Demo accounts for `make run`: a verified professional per Beneficiary, one pending request, one
focal point. Their passwords are made once, kept in var/demo-accounts.txt and printed each run."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, User

from accounts.choices import Status
from accounts.models import Profile
from practices.models import Beneficiary
from roles import BENEFICIARY_CODES, VERIFIED_PROFESSIONALS, focal_point_group_name

FOCAL_POINT = ("focal-point-rs", "RS")
PENDING = ("applicant-xk", "XK")
LANGUAGE = {"AL": "sq", "BA": "bs", "XK": "sq", "ME": "cnr", "MK": "mk", "RS": "sr"}


def credentials_file():
    return settings.VAR_DIR / "demo-accounts.txt"


def stored_passwords():
    path = credentials_file()
    if not path.exists():
        return {}
    return dict(line.split()[:2] for line in path.read_text().splitlines() if line.strip())


def ensure_demo_accounts():
    """Creates what is missing; returns [(username, e-mail, password, what)]."""
    passwords = stored_passwords()
    rows = []
    for code in BENEFICIARY_CODES:
        rows.append(ensure_professional(f"professional-{code.lower()}", code, passwords, Status.VERIFIED))
    rows.append(ensure_professional(*PENDING, passwords, Status.PENDING))
    rows.append(ensure_focal_point(*FOCAL_POINT, passwords))
    path = credentials_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{username} {password}\n" for username, _email, password, _what in rows))
    path.chmod(0o600)
    return rows


def ensure_user(username, passwords):
    email = f"{username}@example.org"
    user, created = User.objects.get_or_create(username=username, defaults={"email": email})
    password = passwords.get(username)
    if created or not password or not user.check_password(password):
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user, email, password


def ensure_professional(username, code, passwords, status):
    user, email, password = ensure_user(username, passwords)
    profile, created = Profile.objects.get_or_create(
        user=user,
        defaults={
            "name": f"Demo professional ({code})",
            "institution": "Demo prison service",
            "beneficiary": Beneficiary.objects.get(code=code),
            "role": "prison",
            "preferred_language": LANGUAGE[code],
            "statement": "A demo account.",
        },
    )
    if created and status == Status.VERIFIED:
        user.groups.add(Group.objects.get(name=VERIFIED_PROFESSIONALS))
        profile.status = Status.VERIFIED
        profile.save(update_fields=["status"])
    what = "verified professional" if status == Status.VERIFIED else "pending access request"
    return username, email, password, f"{what} ({code})"


def ensure_focal_point(username, code, passwords):
    user, email, password = ensure_user(username, passwords)
    user.groups.add(Group.objects.get(name=focal_point_group_name(code)))
    return username, email, password, f"focal point ({code}), admin: Access requests"
