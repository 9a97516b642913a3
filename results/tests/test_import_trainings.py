"""`manage.py import_trainings FILE.csv`: whole files or nothing, errors by row and field."""

import csv

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from results.models import TrainingRecord

pytestmark = pytest.mark.django_db

COLUMNS = [
    "slug",
    "type",
    "beneficiary",
    "start_date",
    "end_date",
    "title_en",
    "title_sr",
    "topic_sq",
    "place_sr",
    "trainers",
    "prison",
    "probation",
    "other_institutions",
    "women",
    "men",
    "gender_other",
    "materials",
]
GOOD = {
    "slug": "rs-2026-release",
    "type": "training",
    "beneficiary": "RS",
    "start_date": "2026-03-02",
    "end_date": "2026-03-04",
    "title_en": "Release planning",
    "title_sr": "Планирање отпуста",
    "topic_sq": "Lirimi dhe riintegrimi",
    "place_sr": "Ниш",
    "trainers": "Regional expert team",
    "prison": "12",
    "probation": "5",
    "other_institutions": "1",
    "women": "8",
    "men": "10",
    "gender_other": "0",
    "materials": "returnees-reintegration-guide",
}


def write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def test_a_valid_file_creates_translated_records_with_their_counts_and_materials(tmp_path, capsys, client):
    assert "2026" not in client.get("/en/results/trained.csv").content.decode()  # the charts are now cached
    serbian_only = {**GOOD, "slug": "rs-2026-serbian", "title_en": "", "materials": ""}
    call_command("import_trainings", write(tmp_path / "trainings.csv", [GOOD, serbian_only]))

    assert "2 created" in capsys.readouterr().out
    assert TrainingRecord.objects.get(slug="rs-2026-serbian").title_sr == "Планирање отпуста"
    record = TrainingRecord.objects.get(slug="rs-2026-release")
    assert (record.participants, record.participants_women, record.beneficiary.code) == (18, 8, "RS")
    with translation.override("sr"):
        assert (record.title, record.place) == ("Планирање отпуста", "Ниш")
    assert [material.page.slug_en for material in record.materials.all()] == ["returnees-reintegration-guide"]
    # The results page counts the imported trainings at once: 18 professionals in each record.
    assert "2026" in client.get("/en/results/trained.csv").content.decode().splitlines()[0]


def test_a_file_with_an_error_imports_nothing_and_names_each_row_and_field(tmp_path, capsys):
    before = TrainingRecord.objects.count()
    bad = {**GOOD, "slug": "bad-row", "beneficiary": "XX", "start_date": "2026-13-01", "women": "2"}
    path = write(tmp_path / "trainings.csv", [GOOD, bad, {**GOOD, "prison": "-3"}])

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_trainings", path)

    errors = capsys.readouterr().err
    assert "row 2, field 'beneficiary': unknown Beneficiary 'XX'" in errors
    assert "row 2, field 'start_date': expected a date as YYYY-MM-DD" in errors
    assert "row 2, field 'women': participants by gender (12) differ from those by institution (18)" in errors
    assert "row 3, field 'prison': expected a whole number" in errors
    assert "row 3, field 'slug': 'rs-2026-release' is also used by row 1" in errors
    assert TrainingRecord.objects.count() == before
    assert not TrainingRecord.objects.filter(slug="rs-2026-release").exists()
