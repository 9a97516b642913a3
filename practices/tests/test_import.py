"""Bulk import: valid files import whole, invalid ones import nothing, re-imports update."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def record(slug="rs-test-mentoring", **overrides):
    data = {
        "slug": slug,
        "beneficiary": "RS",
        "setting": "prison",
        "themes": ["mentoring"],
        "target_groups": ["convicted-terrorism"],
        "restricted": False,
        "start_year": 2021,
        "original_language": "sr",
        "translations": {
            "sr": {
                "title": "Менторски рад са осуђенима",
                "summary": "Кратак опис.",
                "body": "Први пасус.\n\nДруги пасус.",
            },
            "en": {"title": "Mentoring convicted persons", "summary": "Short description.", "body": "One.\n\nTwo."},
        },
    }
    data.update(overrides)
    return data


def write(tmp_path, *records, name="import.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"practices": list(records)}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_valid_file_creates_published_practices(tmp_path, capsys):
    call_command(
        "import_practices",
        write(
            tmp_path,
            record(),
            record(
                "al-test-probation",
                beneficiary="AL",
                original_language="sq",
                translations={"sq": {"title": "Shërbimi i provës"}},
            ),
        ),
        "--publish",
    )
    page = PracticePage.objects.get(record_slug="rs-test-mentoring")
    assert page.live
    assert page.title_sr == "Менторски рад са осуђенима"
    assert page.approach_en == "<p>One.</p><p>Two.</p>"
    assert [b.code for b in page.beneficiaries.all()] == ["RS"]
    assert "2 created, 0 updated" in capsys.readouterr().out
    assert PracticePage.objects.get(record_slug="al-test-probation").title_en in ("", None)


def test_importing_the_same_file_twice_updates_instead_of_duplicating(tmp_path, capsys):
    path = write(tmp_path, record())
    call_command("import_practices", path, "--publish")
    call_command("import_practices", write(tmp_path, record(start_year=2022), name="again.json"), "--publish")
    assert PracticePage.objects.filter(record_slug="rs-test-mentoring").count() == 1
    assert PracticePage.objects.get(record_slug="rs-test-mentoring").start_year == 2022
    assert "0 created, 1 updated" in capsys.readouterr().out


def test_invalid_rows_are_all_reported_and_nothing_is_imported(tmp_path, capsys):
    before = PracticePage.objects.count()
    path = write(
        tmp_path,
        record("rs-ok-one"),
        record("xx-bad", beneficiary="XX"),
        record("rs-bad-lang", original_language="de"),
        record("rs-no-title", translations={"sr": {"summary": "без наслова"}}),
        record("rs-bad-term", themes=["astrology"]),
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_practices", path, "--publish")
    errors = capsys.readouterr().err
    assert "row 2, field 'beneficiary': unknown Beneficiary 'XX'" in errors
    assert "row 3, field 'original_language'" in errors
    assert "row 4, field 'translations.sr.title'" in errors
    assert "row 5, field 'themes': unknown term 'astrology'" in errors
    assert PracticePage.objects.count() == before
    assert not PracticePage.objects.filter(record_slug="rs-ok-one").exists()


def test_create_missing_terms_creates_the_term(tmp_path):
    call_command("import_practices", write(tmp_path, record(themes=["art-therapy"])), "--create-missing-terms")
    page = PracticePage.objects.get(record_slug="rs-test-mentoring")
    assert [t.slug for t in page.themes.all()] == ["art-therapy"]
    assert not page.live  # without --publish, a draft


def test_csv_import(tmp_path):
    path = tmp_path / "practices.csv"
    path.write_text(
        "slug,beneficiary,setting,themes,target_groups,original_language,start_year,title_mk,summary_mk,body_mk,title_en\n"
        "mk-test-csv,MK,probation,mentoring;family-support,,mk,2020,"
        "Пробациска поддршка,Краток опис.,Текст.,Probation support\n",
        encoding="utf-8",
    )
    call_command("import_practices", str(path), "--publish")
    page = PracticePage.objects.get(record_slug="mk-test-csv")
    assert page.title_mk == "Пробациска поддршка"
    assert sorted(t.slug for t in page.themes.all()) == ["family-support", "mentoring"]


def test_broken_json_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_practices", str(path))
    assert "not valid JSON" in capsys.readouterr().err


def test_restricted_rows_are_limited_to_verified_professionals(tmp_path, client):
    call_command("import_practices", write(tmp_path, record(restricted=True)), "--publish")
    page = PracticePage.objects.get(record_slug="rs-test-mentoring")
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]


# Drafts leave the live page alone; restrictions are lifted only on purpose ---------------


def live_and_draft(slug="rs-test-mentoring"):
    page = PracticePage.objects.get(record_slug=slug)
    return page, page.get_latest_revision_as_object()


def summary_changed(**overrides):
    changed = record(**overrides)
    changed["translations"]["sr"]["summary"] = "Нови опис, још непрегледан."
    changed["themes"] = ["family-support"]
    return changed


def test_without_publish_an_existing_live_page_gets_a_draft_and_its_live_content_stays(tmp_path, client, capsys):
    call_command("import_practices", write(tmp_path, record()), "--publish")
    revisions = PracticePage.objects.get(record_slug="rs-test-mentoring").revisions.count()
    call_command("import_practices", write(tmp_path, summary_changed(), name="draft.json"))
    assert "0 created, 1 updated, saved as drafts." in capsys.readouterr().out
    live, draft = live_and_draft()
    assert live.live and live.has_unpublished_changes
    assert live.summary_sr == "Кратак опис."
    assert [theme.slug for theme in live.themes.all()] == ["mentoring"]
    assert draft.summary_sr == "Нови опис, још непрегледан."
    assert [theme.slug for theme in draft.themes.all()] == ["family-support"]
    assert live.revisions.count() == revisions + 1
    with translation.override("sr"):
        html = client.get(live.get_url()).content.decode()
    assert "Кратак опис." in html and "Нови опис" not in html


def test_without_publish_a_new_page_is_a_draft_not_live(tmp_path, client):
    call_command("import_practices", write(tmp_path, record()))
    page = PracticePage.objects.get(record_slug="rs-test-mentoring")
    assert not page.live and page.revisions.count() == 1
    assert client.get(page.url or "/sr/practices/rs-test-mentoring/").status_code == 404


def test_a_row_without_restricted_keeps_the_restriction(tmp_path, client):
    call_command("import_practices", write(tmp_path, record(restricted=True)), "--publish")
    unmarked = record()
    del unmarked["restricted"]
    call_command("import_practices", write(tmp_path, unmarked, name="again.json"), "--publish")
    page = PracticePage.objects.get(record_slug="rs-test-mentoring")
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_explicit_false_lifts_the_restriction(tmp_path, client):
    call_command("import_practices", write(tmp_path, record(restricted=True)), "--publish")
    call_command("import_practices", write(tmp_path, record(restricted=False), name="again.json"), "--publish")
    assert client.get(PracticePage.objects.get(record_slug="rs-test-mentoring").url).status_code == 200


def test_a_draft_import_does_not_open_a_live_restricted_page(tmp_path, client):
    call_command("import_practices", write(tmp_path, record(restricted=True)), "--publish")
    call_command("import_practices", write(tmp_path, record(restricted=False), name="draft.json"))
    page = PracticePage.objects.get(record_slug="rs-test-mentoring")
    assert client.get(page.url).status_code == 302  # still restricted until published
    call_command("import_practices", write(tmp_path, record(restricted=False), name="publish.json"), "--publish")
    assert client.get(page.url).status_code == 200


def test_an_empty_restricted_cell_keeps_the_restriction(tmp_path, client):
    call_command("import_practices", write(tmp_path, record("mk-test-csv", restricted=True)), "--publish")
    path = tmp_path / "practices.csv"
    path.write_text(
        "slug,beneficiary,setting,original_language,restricted,title_sr\nmk-test-csv,RS,prison,sr,,Наслов\n",
        encoding="utf-8",
    )
    call_command("import_practices", str(path), "--publish")
    response = client.get(PracticePage.objects.get(record_slug="mk-test-csv").url)
    assert response.status_code == 302 and "login" in response["Location"]


# CSV ------------------------------------------------------------------------------------


def test_csv_keeps_line_breaks_inside_quoted_fields(tmp_path):
    path = tmp_path / "practices.csv"
    rows = (
        "slug,beneficiary,setting,original_language,title_mk,summary_mk,body_mk\r\n"
        'mk-test-csv,MK,probation,mk,Наслов,"Прв ред\r\nвтор ред","Прв пасус.\r\n\r\nВтор пасус,\r\nсо нов ред."\r\n'
    )
    path.write_bytes(rows.encode("utf-8"))
    call_command("import_practices", str(path), "--publish")
    page = PracticePage.objects.get(record_slug="mk-test-csv")
    assert page.summary_mk == "Прв ред\nвтор ред"
    assert page.approach_mk == "<p>Прв пасус.</p><p>Втор пасус,<br>со нов ред.</p>"


@pytest.mark.parametrize(
    "overrides, field",
    [
        # Found by fuzzing (bench/fuzzing.py): each of these was an exception, not a row error.
        ({"beneficiary": [{"code": "RS"}]}, "beneficiary"),
        ({"themes": [["mentoring"]]}, "themes"),
        ({"setting": ["prison"]}, "setting"),
        ({"translations": {"sr": "Менторски рад"}}, "translations.sr"),
        ({"translations": {"sr": {"title": ["Менторски рад"]}}}, "translations.sr.title"),
        ({"contact": "Ana, ana@example.org"}, "contact"),
        ({"contact": {"email": ["ana@example.org"]}}, "contact"),
        ({"start_year": float("inf")}, "start_year"),
        ({"translations": {"sr": {"title": "Ментор\x00ски рад"}}}, "translations.sr.title"),
        ({"contact": {"name": "Ana\x00"}}, "contact"),
    ],
)
def test_malformed_values_are_row_errors_and_nothing_is_imported(tmp_path, capsys, overrides, field):
    with pytest.raises(CommandError):
        call_command("import_practices", write(tmp_path, record(**overrides)), "--publish")
    assert f"row 1, field '{field}'" in capsys.readouterr().err
    assert not PracticePage.objects.filter(record_slug="rs-test-mentoring").exists()


@pytest.mark.parametrize(
    "name, text",
    [
        ("deep.json", "[" * 100_000),
        ("wide.csv", 'slug,title_sr\nx,"' + "a" * 200_000 + '"\n'),
        ("nul.csv", "slug,beneficiary,setting,original_language,title_sr\nrs-nul,RS,prison,sr,Мен\x00тор\n"),
    ],
)
def test_files_that_no_parser_reads_are_a_file_error(tmp_path, capsys, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_practices", str(path), "--publish")
    assert "row " in capsys.readouterr().err
