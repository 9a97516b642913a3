"""The numbers the results page charts, each counted in the database in one grouped query (the
page's query count does not grow with the records)."""

from collections import defaultdict

from django.db.models import Count, F, Sum
from django.db.models.functions import ExtractYear

from practices.models import Beneficiary, GuidePage, PracticePage, ScreeningToolPage, Theme
from practices.models.screening import VersionEntry
from results.records import RecordType, TrainingRecord


def beneficiaries():
    """[(code, name as the visitor reads it, Kosovo* with its asterisk)], in code order."""
    return [(b.code, b.display_name) for b in Beneficiary.objects.order_by("code")]


def trained_by_beneficiary_and_year():
    """{(Beneficiary code, year): professionals trained}: participants of training records."""
    rows = (
        TrainingRecord.objects.filter(record_type=RecordType.TRAINING)
        .annotate(year=ExtractYear("start_date"))
        .order_by()  # else the model's ordering joins the GROUP BY and splits the groups
        .values("beneficiary__code", "year")
        .annotate(total=Sum(F("participants_prison") + F("participants_probation") + F("participants_other")))
    )
    return {(row["beneficiary__code"], row["year"]): row["total"] for row in rows}


def practices_by_beneficiary_and_theme():
    """{(Beneficiary code, theme slug): published practices}; a practice of two Beneficiaries or
    themes counts in each of its pairs. Themes without practices are left out."""
    rows = (
        PracticePage.objects.live()
        .filter(beneficiaries__isnull=False, themes__isnull=False)
        .order_by()
        .values("beneficiaries__code", "themes__slug")
        .annotate(total=Count("pk", distinct=True))
    )
    return {(row["beneficiaries__code"], row["themes__slug"]): row["total"] for row in rows}


def themes():
    return [(theme.slug, theme.name or theme.slug) for theme in Theme.objects.all()]


def versions():
    """[(document title, [(version, date)])]: the screening tool's version history and each live
    guide's current edition, oldest first."""
    documents = []
    tool = ScreeningToolPage.objects.live().first()
    if tool is not None:
        history = VersionEntry.objects.filter(page=tool).order_by("date").values_list("version", "date")
        documents.append((tool.localized_value("title"), list(history)))
    for guide in GuidePage.objects.live().exclude(version="").order_by("edition_date", "pk"):
        documents.append((guide.localized_value("title"), [(guide.version, guide.edition_date)]))
    return [(title, [(v, d) for v, d in entries if d]) for title, entries in documents]


def pivot(counts):
    """{(row, column): n} -> {row: {column: n}}."""
    table = defaultdict(dict)
    for (row, column), value in counts.items():
        table[row][column] = value
    return table
