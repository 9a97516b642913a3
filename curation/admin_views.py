"""The search report in the admin (Reports → Search terms): per language and period, with a
CSV export of the queries."""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from curation import report
from curation.models import LANGUAGE_CHOICES

PERMISSION = "curation.view_searchday"
DEFAULT_DAYS = 30


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("language"), choices=LANGUAGE_CHOICES, required=False)

    def period(self):
        """(start, end, language): the last DEFAULT_DAYS days in every language unless chosen."""
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        return start, end, data.get("language", "")


def search_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = PeriodForm(request.GET)
    start, end, language = form.period()
    rows = report.query_rows(start, end, language)
    if request.GET.get("export") == "csv":
        return csv_export(rows, start, end)
    context = {
        "form": form,
        "start": start,
        "end": end,
        "rows": rows,
        "zero_result_rows": report.zero_result_rows(rows),
        "never_opened_rows": report.never_opened_rows(rows),
        "trend": report.weekly_trend(start, end, language),
        "minimum": report.MIN_MONTHLY_SEARCHES,
    }
    return TemplateResponse(request, "curation/search_report.html", context)


CSV_COLUMNS = ("language", "query", "searches", "zero_results", "opens", "mean_position", "median_position")


def csv_export(rows, start, end):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="search-terms-{start}-{end}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, column) if getattr(row, column) is not None else "" for column in CSV_COLUMNS])
    return response
