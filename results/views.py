"""Each chart's figures as CSV: `/<lang>/results/<chart>.csv`, headed in the visitor's language."""

import csv

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from results.freshness import cached_chart
from results.models import ResultsPage


def chart_csv(request, chart):
    # Served only where the results page itself is: live and public.
    if not ResultsPage.objects.live().public().exists():
        raise Http404
    found = cached_chart(chart)
    if found is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.csv"'
    # A byte-order mark: spreadsheet programs then read the Cyrillic and Albanian letters as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(found.header)
    writer.writerows(found.rows)
    if names_kosovo(found.rows):
        # The designation note goes wherever Kosovo* is named, a data file included: after an
        # empty row, so that the table above it stays a plain table.
        writer.writerow([])
        writer.writerow(["* " + kosovo_note()])
    return response


def kosovo_note():
    return _(
        "This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 "
        "and the ICJ Opinion on the Kosovo Declaration of Independence."
    )


def names_kosovo(rows):
    return any(isinstance(cell, str) and cell.endswith("*") for row in rows for cell in row)
