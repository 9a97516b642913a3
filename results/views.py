"""Each chart's figures as CSV: `/<lang>/results/<chart>.csv`, headed in the visitor's language."""

import csv

from django.http import Http404, HttpResponse

from results.models import ResultsPage
from results.sources import chart as find_chart


def chart_csv(request, chart):
    # Served only where the results page itself is: live and public.
    if not ResultsPage.objects.live().public().exists():
        raise Http404
    found = find_chart(chart)
    if found is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.csv"'
    # A byte-order mark: spreadsheet programs then read the Cyrillic and Albanian letters as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(found.header)
    writer.writerows(found.rows)
    return response
