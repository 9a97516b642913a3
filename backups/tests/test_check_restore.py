"""A backup made by scripts/backup.sh restores into a scratch database identical to the live one."""

import subprocess

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def url(name):
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{name}"


@pytest.fixture
def backup_dir(tmp_path):
    """The test database backed up as production backs it up."""
    media = tmp_path / "media"
    media.mkdir()
    (media / "report.pdf").write_bytes(b"%PDF-1.4")
    environment = {"DATABASE_URL": url(settings.DATABASES["default"]["NAME"]), "BACKUP_DIR": str(tmp_path / "b")}
    done = subprocess.run(
        ["bash", str(settings.BASE_DIR / "scripts" / "backup.sh")],
        env={"PATH": "/usr/bin:/bin", **environment, "MEDIA_ROOT": str(media)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "b").glob("media-*.tar.gz"))
    return tmp_path / "b"


def test_the_latest_backup_restores_identical_and_a_difference_is_reported(backup_dir, capsys):
    scratch = url(settings.DATABASES["default"]["NAME"] + "_restore_check")

    call_command("check_restore", database_url=scratch, backup_dir=str(backup_dir))
    assert "Restore identical: " in capsys.readouterr().out

    # The live database moves on (in this test's transaction): the check names what differs.
    Group.objects.create(name="Created after the backup")
    page = Page.objects.filter(depth__gt=2).first()
    Page.objects.filter(pk=page.pk).update(title="Changed after the backup")
    with pytest.raises(CommandError, match="differs"):
        call_command("check_restore", database_url=scratch, backup_dir=str(backup_dir), sample=1000)
    output = capsys.readouterr().out
    assert "table auth_group: " in output
    assert f"page {page.pk} differs" in output


def test_the_live_database_is_never_the_scratch_one(backup_dir):
    with pytest.raises(CommandError, match="live database"):
        call_command("check_restore", database_url=url(settings.DATABASES["default"]["NAME"]))
