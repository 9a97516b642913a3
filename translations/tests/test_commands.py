"""export_xliff / import_xliff management commands."""

import pytest
from django.core.management import CommandError, call_command

from practices.models import Theme

pytestmark = pytest.mark.django_db


def test_export_then_import_of_a_translated_file(tmp_path):
    theme = Theme.objects.first()
    path = tmp_path / "theme.xlf"
    call_command("export_xliff", f"practices.theme.{theme.pk}", "--target", "cnr", "--output", str(path))
    path.write_text(
        path.read_text(encoding="utf-8").replace("</source>", "</source><target>CNR naziv</target>"), encoding="utf-8"
    )
    call_command("import_xliff", str(path))
    assert Theme.objects.get(pk=theme.pk).name_cnr == "CNR naziv"


def test_import_of_a_broken_file_fails_with_the_reason(tmp_path):
    path = tmp_path / "broken.xlf"
    path.write_text("<xliff", encoding="utf-8")
    with pytest.raises(CommandError, match="not well-formed"):
        call_command("import_xliff", str(path))


def test_export_of_an_unknown_object_fails():
    with pytest.raises(CommandError, match="No page or snippet"):
        call_command("export_xliff", "practices.theme.999999", "--target", "bs")
