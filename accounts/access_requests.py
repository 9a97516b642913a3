"""Which access requests a focal point sees, with the filters and counts of their list."""

from django.db.models import Count

from accounts.choices import Status
from accounts.models import Profile
from roles import focal_point_beneficiaries


def with_details():
    return Profile.objects.select_related("user", "beneficiary", "decided_by")


def visible_requests(user):
    """Requests of the Beneficiaries `user` decides for (every one for Editors and superusers)."""
    return with_details().filter(beneficiary__code__in=focal_point_beneficiaries(user))


def filtered(requests, status=None, beneficiary=None):
    if status in Status.values:
        requests = requests.filter(status=status)
    if beneficiary:
        requests = requests.filter(beneficiary__code=beneficiary)
    return requests


def counts(requests):
    """{(beneficiary code, status): number}, for the counts above the list."""
    rows = requests.order_by().values("beneficiary__code", "status").annotate(n=Count("pk"))
    return {(row["beneficiary__code"], row["status"]): row["n"] for row in rows}


def may_decide(user, profile):
    return profile.beneficiary.code in focal_point_beneficiaries(user)
