"""What the search report shows editors, read from the daily counts.

A query searched fewer than MIN_MONTHLY_SEARCHES times in a calendar month is left out of
that month entirely (its searches, zero results and opens), so a rare query, which could point
at one person, is never shown, not even summed into a longer period."""

from dataclasses import dataclass, field

from django.db.models import Sum
from django.db.models.functions import TruncMonth, TruncWeek

from curation.models import OpenedDay, SearchDay

MIN_MONTHLY_SEARCHES = 3


@dataclass
class QueryRow:
    language: str
    query: str
    searches: int = 0
    zero_results: int = 0
    positions: dict = field(default_factory=dict)  # {position: opens}

    @property
    def opens(self):
        return sum(self.positions.values())

    @property
    def mean_position(self):
        return round(sum(p * n for p, n in self.positions.items()) / self.opens, 1) if self.opens else None

    @property
    def median_position(self):
        """The position half the opens are at or above (weighted by opens)."""
        seen = 0
        for position in sorted(self.positions):
            seen += self.positions[position]
            if seen * 2 >= self.opens:
                return position
        return None


def in_period(model, start, end, language):
    rows = model.objects.filter(day__gte=start, day__lte=end)
    return rows.filter(language=language) if language else rows


def query_rows(start, end, language=""):
    """[QueryRow] of the period, most searched first."""
    monthly = (
        in_period(SearchDay, start, end, language)
        .annotate(month=TruncMonth("day"))
        .values("language", "query", "month")
        .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
        .filter(searches__gte=MIN_MONTHLY_SEARCHES)
    )
    rows, shown_months = {}, set()
    for month in monthly:
        key = (month["language"], month["query"])
        row = rows.setdefault(key, QueryRow(*key))
        row.searches += month["searches"]
        row.zero_results += month["zero_results"]
        shown_months.add((*key, month["month"]))
    opened = (
        in_period(OpenedDay, start, end, language)
        .annotate(month=TruncMonth("day"))
        .values("language", "query", "month", "position")
        .annotate(opens=Sum("opens"))
    )
    for opening in opened:
        if (opening["language"], opening["query"], opening["month"]) in shown_months:
            positions = rows[(opening["language"], opening["query"])].positions
            positions[opening["position"]] = positions.get(opening["position"], 0) + opening["opens"]
    return sorted(rows.values(), key=lambda row: (-row.searches, row.language, row.query))


def zero_result_rows(rows):
    return sorted((row for row in rows if row.zero_results), key=lambda row: -row.zero_results)


def never_opened_rows(rows):
    """Queries that found something, whose results no one opened."""
    return [row for row in rows if row.searches > row.zero_results and not row.opens]


def weekly_trend(start, end, language=""):
    """[{week, searches, zero_results}] of every search (counts only, no query shown)."""
    return list(
        in_period(SearchDay, start, end, language)
        .annotate(week=TruncWeek("day"))
        .values("week")
        .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
        .order_by("week")
    )
