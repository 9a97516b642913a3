"""The exchange's test people. E-mail tests use the root conftest's `smtp_server` (a real
aiosmtpd server on loopback that Django's SMTP backend sends to)."""

import pytest
from django.contrib.auth.models import Group, User

import roles


def member(username, *groups, **fields):
    user = User.objects.create_user(username, email=f"{username}@example.org", password="a-password-1", **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def professional():
    return member("ana", roles.VERIFIED_PROFESSIONALS, first_name="Ana", last_name="Hoxha")


@pytest.fixture
def reviewer():
    return member("rita", roles.REVIEWERS)
