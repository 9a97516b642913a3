"""Untrusted XLIFF input: no DTDs or entities, a size limit enforced while reading, and a
clear error (never a server error) for malformed character codes."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

from practices.models import Theme
from translations import xliff
from translations.xliff import XliffError, export_xliff, import_xliff

pytestmark = pytest.mark.django_db


def theme():
    return Theme.objects.order_by("pk").first()


def with_target(target_xml):
    """An export of a theme into Croatian whose first unit gets `target_xml` as its target."""
    data = export_xliff([theme()], "hr").decode()
    return data.replace("</source>", f"</source><target>{target_xml}</target>", 1)


def test_a_dtd_with_entities_is_refused_and_nothing_changes():
    data = with_target("&greeting;").replace("<xliff ", '<!DOCTYPE xliff [<!ENTITY greeting "Zdravo">]>\n<xliff ', 1)
    before = theme().name_hr
    with pytest.raises(XliffError, match="DTD"):
        import_xliff(data.encode())
    assert theme().name_hr == before


def test_an_external_entity_is_refused():
    data = with_target("&secret;").replace(
        "<xliff ", '<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<xliff ', 1
    )
    with pytest.raises(XliffError, match="DTD"):
        import_xliff(data.encode())


@pytest.mark.parametrize("code", ['hex="zz"', 'hex=""', "", 'hex="0"', 'hex="D800"', 'hex="110000"', 'hex="-41"'])
def test_a_malformed_character_code_is_a_clear_error(code):
    before = theme().name_hr
    with pytest.raises(XliffError, match="character code"):
        import_xliff(with_target(f"Naziv<cp {code}/>").encode())
    assert theme().name_hr == before


@pytest.mark.parametrize(
    "language, broken, english",
    [
        ("sr", '<cp hex="zz"/>', "is not a valid character code"),
        ("sq", "&e;", "document type declaration"),
    ],
)
def test_the_errors_are_in_the_users_language(language, broken, english):
    data = with_target(broken)
    if "&" in broken:
        data = data.replace("<xliff ", '<!DOCTYPE xliff [<!ENTITY e "x">]>\n<xliff ', 1)
    with translation.override(language), pytest.raises(XliffError) as error:
        import_xliff(data.encode())
    assert english not in str(error.value)


def test_a_valid_character_code_is_the_character():
    import_xliff(with_target('Naziv<cp hex="00A0"/>x').encode())
    assert theme().name_hr == "Naziv\u00a0x"


def test_a_malformed_character_code_uploaded_in_the_admin_is_a_400_with_the_reason(client):
    client.force_login(User.objects.create_superuser("root-xml", password="x"))
    upload = SimpleUploadedFile("t.xlf", with_target('<cp hex="zz"/>').encode())
    response = client.post("/admin/translations/import/", {"file": upload})
    assert response.status_code == 400
    assert "character code" in response.content.decode()


class CountingFile(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


def test_reading_stops_after_the_limit():
    upload = CountingFile(b"x" * (xliff.MAX_XLIFF_BYTES + 4096))
    with pytest.raises(XliffError, match="larger than 10 MB"):
        xliff.read_limited(upload)
    assert upload.bytes_read <= xliff.MAX_XLIFF_BYTES + 1


def test_a_file_within_the_limit_is_read_whole():
    assert xliff.read_limited(io.BytesIO(b"<xliff/>")) == b"<xliff/>"


def test_the_command_refuses_a_file_over_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "theme.xlf"
    data = with_target("Naziv").encode()
    path.write_bytes(data)
    monkeypatch.setattr(xliff, "MAX_XLIFF_BYTES", len(data) - 1)
    before = theme().name_hr
    with pytest.raises(CommandError, match="larger than"):
        call_command("import_xliff", str(path))
    assert theme().name_hr == before
