"""Reports → Least helpful pages: the answers to "Was this helpful?" per page, the least helpful
first, with their comments; by period and language; CSV and Excel export (Wagtail's)."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from feedback.reporting import attach_comments, least_helpful


class KeepAll(django_filters.Filter):
    """A filter read by the report itself: it counts answers of the period, never drops pages."""

    def filter(self, qs, value):
        return qs


class DateKeepAll(KeepAll, django_filters.DateFilter):
    pass


class ChoiceKeepAll(KeepAll, django_filters.ChoiceFilter):
    pass


class FeedbackFilterSet(WagtailFilterSet):
    since = DateKeepAll(label=_("Answers from"), widget=AdminDateInput)
    until = DateKeepAll(label=_("Answers until"), widget=AdminDateInput)
    language = ChoiceKeepAll(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = Page
        fields = []


class CommentsColumn(Column):
    cell_template_name = "feedback/comments_cell.html"


class LeastHelpfulPagesView(ReportView):
    page_title = _("Least helpful pages")
    header_icon = "comment"
    filterset_class = FeedbackFilterSet
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("unhelpful_answers", label=_("No")),
        Column("helpful_answers", label=_("Yes")),
        Column("helpful_percent", label=_("Helpful (%)")),
        CommentsColumn("comments", label=_("Comments")),
    ]
    list_export = ["title", "unhelpful_answers", "helpful_answers", "helpful_percent", "comments_text"]
    export_headings = {
        "title": _("Page"),
        "unhelpful_answers": _("No"),
        "helpful_answers": _("Yes"),
        "helpful_percent": _("Helpful (%)"),
        "comments_text": _("Comments"),
    }

    def period(self):
        data = self.filters.form.cleaned_data if self.filters.form.is_valid() else {}
        return {key: data.get(key) or None for key in ("since", "until", "language")}

    def get_queryset(self):
        return least_helpful(Page.objects.all(), **self.period())

    def decorate_paginated_queryset(self, pages):
        pages = attach_comments(list(pages), **self.period())
        for page in pages:
            page.helpful_percent = round(100 * page.helpful_share)
            page.comments_text = "\n".join(f"[{row.language}] {row.comment}" for row in page.comments)
        return pages
