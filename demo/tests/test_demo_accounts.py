"""`make run` creates the demo accounts and prints passwords that work, the same ones every run."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def printed_logins(capsys):
    call_command("ensure_demo_accounts")
    lines = capsys.readouterr().out.splitlines()
    return {line.split(" login ")[1].split()[0]: line.rsplit("password: ", 1)[1] for line in lines}


def test_demo_professionals_a_pending_request_and_a_focal_point_sign_in_with_the_printed_passwords(
    client, capsys, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    logins = printed_logins(capsys)
    assert len(logins) == 6 + 1 + 1
    assert printed_logins(capsys) == logins  # the same passwords on the next run

    email = "professional-me@example.org"
    client.post("/en/accounts/login/", {"login": email, "password": logins[email]})
    assert "Demo professional (ME)" in client.get("/en/accounts/profile/").content.decode()
    verified = User.objects.filter(groups__name="Verified professionals", username__startswith="professional-")
    assert verified.count() == 6
    assert not User.objects.get(username="applicant-xk").groups.exists()
    assert User.objects.get(username="focal-point-rs").groups.get().name == "Focal points (RS)"
