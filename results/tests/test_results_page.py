"""The results page as a visitor and a donor read it: its figures equal the records, in the
table, the CSV and the chart, in every language, without a query per record."""

import csv
import datetime
import io
from collections import Counter

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from languages.codes import LANGUAGE_CODES
from practices.models import Beneficiary, PracticePage
from results.models import RecordType, TrainingRecord

pytestmark = pytest.mark.django_db


def page(client, language="en"):
    response = client.get(f"/{language}/results/")
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def table(tree, chart):
    """The chart's data table as {row header: [cells]}, with its column headers."""
    section = tree.get_element_by_id(chart)
    header = [cell.text_content().strip() for cell in section.xpath(".//table//thead//th")]
    rows = {
        row.xpath("./th")[0].text_content().strip(): [cell.text_content().strip() for cell in row.xpath("./td")]
        for row in section.xpath(".//table/tbody/tr[th]")
    }
    return header, rows


def download(client, chart, language="en"):
    response = client.get(f"/{language}/results/{chart}.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # The table ends at the first empty row; a footnote (the Kosovo* note) may follow it.
    end = rows.index([]) if [] in rows else len(rows)
    return rows[0], {row[0]: row[1:] for row in rows[1:end]}


def record(slug, code, start, participants, record_type=RecordType.TRAINING):
    return TrainingRecord.objects.create(
        slug=slug,
        title=slug,
        record_type=record_type,
        beneficiary=Beneficiary.objects.get(code=code),
        start_date=start,
        participants_prison=participants,
        participants_men=participants,
    )


def trained_from_records():
    """{(Beneficiary's name, year): professionals trained}, counted here from the records themselves."""
    totals = Counter()
    for item in TrainingRecord.objects.filter(record_type=RecordType.TRAINING).select_related("beneficiary"):
        totals[(item.beneficiary.display_name, str(item.start_date.year))] += item.participants
    return totals


def test_the_demo_trained_182_professionals_in_2025_across_the_six_beneficiaries(client):
    header, rows = table(page(client), "trained")
    column = header.index("2025")
    assert len(rows) == 6
    assert sum(int(cells[column - 1]) for cells in rows.values()) == 182
    assert all(int(cells[column - 1]) > 0 for cells in rows.values())


def test_professionals_trained_in_the_table_and_the_csv_equal_the_records(client):
    record("extra-al-2026", "AL", datetime.date(2026, 2, 3), 7)
    record("extra-rs-2025", "RS", datetime.date(2025, 12, 1), 4)
    record("visit-rs-2025", "RS", datetime.date(2025, 5, 1), 50, RecordType.STUDY_VISIT)  # not a training
    expected = trained_from_records()

    for header, rows in (table(page(client), "trained"), download(client, "trained")):
        shown = Counter()
        for name, cells in rows.items():
            for year, cell in zip(header[1:-1], cells, strict=False):
                shown[(name, year)] += int(cell)
            assert int(cells[-1]) == sum(int(cell) for cell in cells[:-1])  # the Total column
        assert +shown == expected


def test_practices_per_beneficiary_and_theme_equal_the_published_practices(client):
    expected = Counter()
    for practice in PracticePage.objects.live().prefetch_related("beneficiaries", "themes"):
        for beneficiary in practice.beneficiaries.all():
            for theme in practice.themes.all():
                expected[(theme.name, beneficiary.display_name)] += 1
    assert expected

    header, rows = download(client, "practices")
    shown = Counter(
        {
            (theme, name): int(cell)
            for theme, cells in rows.items()
            for name, cell in zip(header[1:], cells, strict=True)
        }
    )
    assert +shown == expected
    assert table(page(client), "practices")[1] == rows


def test_each_chart_is_an_svg_image_with_its_title_description_and_labelled_axes(client):
    tree = page(client)
    svgs = tree.xpath("//svg")
    assert len(svgs) == 4  # trained, practices, versions, publications
    for svg in svgs:
        assert svg.get("role") == "img"
        title, desc = svg.xpath("./title")[0], svg.xpath("./desc")[0]
        assert title.text_content().strip() and desc.text_content().strip()
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert len(svg.xpath(".//text[@class='axis-title']")) == 2  # both axes are named
    trained = tree.get_element_by_id("trained").xpath(".//svg")[0]
    labels = [text.text_content() for text in trained.xpath(".//text")]
    assert "Professionals trained" in labels and "Beneficiary" in labels
    assert "2025: 34" in labels  # each bar says its year and number: colour carries nothing alone


def test_the_page_in_every_language_names_kosovo_with_its_asterisk_and_note(client):
    kosovo = Beneficiary.objects.get(code="XK")
    for language in LANGUAGE_CODES:
        response = client.get(f"/{language}/results/")
        assert response.status_code == 200, language
        html = response.content.decode()
        with translation.override(language):
            name = kosovo.display_name
        assert name.endswith("*") and f'<th scope="row">{name}</th>' in html, language
        assert "1244/1999" in html, language
    header, _rows = download(client, "trained", "sr")
    assert header[0] == "Корисник"
    # The data file names Kosovo* too, so it carries the note after its table.
    assert "1244/1999" in client.get("/sr/results/trained.csv").content.decode("utf-8-sig")


def test_publications_and_their_downloads_are_the_files_counts_of_public_publications_only(client):
    from django.db.models import F

    from publications.models import PublicationFile, PublicationPage

    public = PublicationPage.objects.live().public().order_by("pk")
    restricted = PublicationPage.objects.live().not_public()
    assert public.exists() and restricted.exists()  # the demo library has both
    PublicationFile.objects.filter(page=public.first()).update(downloads=F("downloads") + 7)

    _header, rows = download(client, "publications")
    expected = {page.title: str(sum(file.downloads for file in page.files.all())) for page in public}
    assert {title: cells[-1] for title, cells in rows.items()} == expected
    assert not set(rows) & {page.title for page in restricted}
    _header, shown = table(page(client), "publications")
    assert {title: cells[-1] for title, cells in shown.items()} == expected


def test_an_unknown_chart_has_no_csv(client):
    assert client.get("/en/results/nothing.csv").status_code == 404


def test_the_page_needs_no_query_per_record(client, django_assert_max_num_queries):
    client.get("/en/results/")  # warm the menu and footer caches
    with CaptureQueriesContext(connection) as before:
        client.get("/en/results/")
    budget = len(before)  # now: each request empties the connection's query log
    assert budget
    beneficiaries = list(Beneficiary.objects.all())
    TrainingRecord.objects.bulk_create(
        TrainingRecord(
            slug=f"many-{number}",
            title=f"many-{number}",
            beneficiary=beneficiaries[number % len(beneficiaries)],
            start_date=datetime.date(2018 + number % 8, 1 + number % 12, 1),
            participants_prison=number,
            participants_men=number,
        )
        for number in range(40)
    )
    with django_assert_max_num_queries(budget):
        client.get("/en/results/")


def downloads_chart():
    """What another app (the publications library) hands the page through RESULTS_CHART_SOURCES."""
    return {
        "slug": "downloads",
        "title": "Publications and their downloads",
        "description": "Downloads per publication.",
        "header": ["Publication", "Downloads"],
        "rows": [["Assessment, Albania", 12]],
        "categories": [("assessment", "Assessment, Albania")],
        "series": [("all", "Downloads")],
        "values": {("assessment", "all"): 12},
        "x_label": "Downloads",
        "y_label": "Publication",
    }


def test_another_app_adds_a_chart_with_its_table_and_csv_through_the_setting(client, settings):
    settings.RESULTS_CHART_SOURCES = [f"{__name__}.downloads_chart"]

    header, rows = table(page(client), "downloads")
    assert (header, rows) == (["Publication", "Downloads"], {"Assessment, Albania": ["12"]})
    assert download(client, "downloads") == (["Publication", "Downloads"], {"Assessment, Albania": ["12"]})


def test_the_charts_are_computed_once_and_a_new_record_or_an_unpublished_practice_shows_at_once(client):
    page(client)  # computes the figures, the menu and the footer
    with CaptureQueriesContext(connection) as warm:
        page(client)
    charted = ("results_trainingrecord", "practices_")
    counted = [query["sql"] for query in warm if any(name in query["sql"] for name in charted)]
    assert counted == [] and len(warm) <= 8  # the page's own few, none of the charts'

    record("new-me-2031", "ME", datetime.date(2031, 5, 6), 9)
    header, rows = table(page(client), "trained")
    assert "2031" in header and rows[Beneficiary.objects.get(code="ME").display_name][header.index("2031") - 1] == "9"

    practice = PracticePage.objects.live().filter(beneficiaries__code="AL", themes__isnull=False).first()
    before = sum(int(cell) for cell in table(page(client), "practices")[1][practice.themes.first().name])
    practice.unpublish()
    after = sum(int(cell) for cell in table(page(client), "practices")[1][practice.themes.first().name])
    assert after == before - 1
