"""Reports → Files without text: every publication's file whose text cannot be searched (a
scanned PDF without a text layer, a file that could not be read), with its publication, to edit,
and its language, for whoever may edit pages. The publication's edit form warns too, but only
someone who opens that publication sees it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from publications.texts import files_without_text


def publication_edit_url(item):
    return reverse("wagtailadmin_pages:edit", args=[item.page_id])


def document_edit_url(item):
    return reverse("wagtaildocs:edit", args=[item.document_id])


class FilesWithoutTextView(ReportView):
    page_title = _("Files without text")
    header_icon = "doc-full"
    index_url_name = "publications_files_without_text"
    index_results_url_name = "publications_files_without_text_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("publication", label=_("Publication"), accessor="page.title", get_url=publication_edit_url),
        TitleColumn("file", label=_("File"), accessor="document.title", get_url=document_edit_url),
        Column("language", label=_("Language"), accessor="get_language_display"),
        Column("status", label=_("Problem"), accessor="document.extracted_text.get_status_display"),
    ]
    list_export = ["page.title", "document.title", "language", "document.extracted_text.status"]
    export_headings = {
        "page.title": _("Publication"),
        "document.title": _("File"),
        "language": _("Language"),
        "document.extracted_text.status": _("Problem"),
    }

    def get_queryset(self):
        return files_without_text()
