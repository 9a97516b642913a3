"""Admin views: the translation status report, XLIFF export and import, and filling one
Serbian script from the other."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name

from languages.fallbacks import SCRIPT_TWINS
from translations import script_fill, stored
from translations.admin_forms import ReportFilterForm, SnippetExportForm, SnippetImportForm, XliffImportForm
from translations.bulk import export_collection, import_collection_file
from translations.memory import memory_for
from translations.registry import SECTIONS, resolve
from translations.scoping import editable_languages
from translations.xliff import XliffError, build_export, import_xliff, prefilled_message, read_limited

REPORT_PAGE_SIZE = 50


def report(request):
    """The stored status, a page of 50 rows (object × language) at a time, with counts per language."""
    form = ReportFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    kept = (_report_languages(request.user, filters), filters.get("section") or None, filters.get("status") or None)
    counts, rows = stored.tallies(*kept)
    paginator = Paginator(stored.report_rows(*kept), REPORT_PAGE_SIZE)
    paginator.count = rows  # a cached_property: told, not counted again
    page = paginator.get_page(request.GET.get("page"))
    _add_edit_urls(page.object_list, request.user)
    return TemplateResponse(
        request,
        "translations/report.html",
        {
            "form": form,
            "rows": page.object_list,
            "page": page,
            "counts": counts,
            "languages": settings.LANGUAGES,
            "target": filters.get("language") or "",
        },
    )


def _report_languages(user, filters):
    """The languages the filters keep: one, a translator's own ("only my languages"), or all (None)."""
    languages = {filters["language"]} if filters.get("language") else None
    if filters.get("mine"):
        mine = set(editable_languages(user))
        languages = mine if languages is None else languages & mine
    return languages


def _add_edit_urls(rows, user):
    """Each row's edit link, from its type and id (no object read): a page's editor, or a
    snippet's when the user may change that type, as Wagtail's AdminURLFinder decides."""
    may_change = {}
    for row in rows:
        row.key = f"{row.content_type.app_label}.{row.content_type.model}.{row.object_id}"
        row.section_label = SECTIONS[row.section][0]
        model = row.content_type.model_class()
        if issubclass(model, Page):
            row.edit_url = reverse("wagtailadmin_pages:edit", args=[row.object_id])
            continue
        if model not in may_change:
            may_change[model] = user.has_perm(get_permission_name("change", model))
        viewset = getattr(model, "snippet_viewset", None)
        may_edit = viewset is not None and may_change[model]
        row.edit_url = reverse(viewset.get_url_name("edit"), args=[row.object_id]) if may_edit else ""


def export(request):
    objects = [resolve(key) for key in request.GET.getlist("objects")]
    target = request.GET.get("target", "")
    try:
        if None in objects:
            raise XliffError(_("One of the selected objects no longer exists."))
        export = build_export(objects, target, memory=memory_for(target))
    except XliffError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("translations:report")
    if export.prefilled:
        messages.info(request, prefilled_message(export.prefilled))
    response = HttpResponse(export.data, content_type="application/xliff+xml; charset=utf-8")
    name = (
        f"portal-{target}-{len(objects)}.xlf"
        if len(objects) > 1
        else f"{objects[0]._meta.model_name}-{objects[0].pk}-{target}.xlf"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def import_view(request):
    form = XliffImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            data = read_limited(form.cleaned_data["file"])
            result = import_xliff(data, user=request.user, publish=form.cleaned_data["publish"])
        except XliffError as error:
            errors = error.messages
        else:
            _report_import(request, result)
            return redirect(f"{reverse('translations:report')}?language={result.target}")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "translations/import.html", {"form": form, "errors": errors}, status=status)


def _report_import(request, result):
    changed = len(result.changed)
    messages.success(
        request,
        ngettext("%(count)d object updated from the file.", "%(count)d objects updated from the file.", changed)
        % {"count": changed}
        + " "
        + ngettext("%(count)d unchanged.", "%(count)d unchanged.", result.unchanged) % {"count": result.unchanged},
    )
    for obj, name in result.incomplete:
        messages.warning(
            request,
            _("“%(object)s”, %(field)s: not every part is translated; left unchanged.")
            % {"object": obj, "field": name},
        )
    if result.proposals:
        messages.warning(
            request,
            ngettext(
                "%(count)d translation memory proposal left unapplied: mark it translated to import it.",
                "%(count)d translation memory proposals left unapplied: mark them translated to import them.",
                len(result.proposals),
            )
            % {"count": len(result.proposals)},
        )


def snippets(request):
    """Snippet collections in bulk: the export form, and the import of a translated file."""
    form = SnippetImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            result = import_collection_file(read_limited(form.cleaned_data["file"]), user=request.user)
        except XliffError as error:
            errors = error.messages
        else:
            _report_import(request, result)
            return redirect("translations:snippets")
    context = {"export_form": SnippetExportForm(user=request.user), "form": form, "errors": errors}
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "translations/snippets.html", context, status=status)


def snippets_export(request):
    form = SnippetExportForm(request.GET, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose a collection, one of your languages and a format."))
        return redirect("translations:snippets")
    try:
        data = form.cleaned_data
        export, name = export_collection(data["collection"], data["language"], data["format"], request.user)
    except XliffError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("translations:snippets")
    # Shown on the next admin page: the download itself cannot carry a message.
    messages.info(request, prefilled_message(export.prefilled))
    content_type = "application/xliff+xml" if name.endswith(".xlf") else "text/x-gettext-translation"
    response = HttpResponse(export.data, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def transliterate(request, page_id, target):
    if target not in SCRIPT_TWINS:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    names = {
        "target": translation.get_language_info(target)["name_local"],
        "source": translation.get_language_info(SCRIPT_TWINS[target])["name_local"],
    }
    if request.method == "POST":
        try:
            filled = script_fill.fill_as_draft(page, target, request.user)
        except ValidationError as error:
            messages.error(request, _("Nothing was saved: %(errors)s") % {"errors": "; ".join(error.messages)})
            return redirect(edit_url)
        if filled:
            messages.success(
                request,
                _(
                    "%(count)d field(s) in %(target)s filled by transliteration from %(source)s and saved as a draft; "
                    "review it and publish it as usual."
                )
                % {"count": len(filled), **names},
            )
        else:
            messages.warning(request, _("There were no empty fields in %(target)s to fill from %(source)s.") % names)
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "translations/admin/transliterate.html",
        {
            "page": page,
            "fields": script_fill.fillable_fields(page.get_latest_revision_as_object(), target),
            "edit_url": edit_url,
            "header_title": _("Fill %(target)s from %(source)s") % names,
            "page_title": _("Fill %(target)s from %(source)s") % names,
            "header_icon": "doc-full",
            **names,
        },
    )
