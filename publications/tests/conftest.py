import pytest
from django.contrib.auth.models import Group, User

from roles import VERIFIED_PROFESSIONALS


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    # The files the tests upload stay out of var/media.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def verified_user(db):
    user = User.objects.create_user("verified-reader")
    user.groups.add(Group.objects.get(name=VERIFIED_PROFESSIONALS))
    return user


@pytest.fixture
def sample_file(tmp_path):
    """`sample_file("pdf", [page texts])`: a real file on disk, made from the texts."""
    from publications import samples

    def make(kind, pages, name="sample"):
        path = tmp_path / f"{name}.{kind}"
        path.write_bytes(samples.MAKERS[kind](pages))
        return path

    return make
