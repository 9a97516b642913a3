"""A real SMTP server on loopback for the exchange's e-mail tests.

Engineer 13a writes a fixture of the same name and contract in the root conftest.py; the lead
keeps one at merge. Contract: Django's SMTP backend is pointed at the server, and `.messages` is
the list of received messages (email.message.EmailMessage)."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group, User

import roles


class Recorder:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    recorder.port = controller.port
    try:
        yield recorder
    finally:
        controller.stop()


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
