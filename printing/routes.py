"""The `pdf/` routes that page classes take on by inheriting a mixin (no fields: no migration).

They are Wagtail sub-routes of the page, so Wagtail's own serving applies first: the page's
view restriction (its `before_serve_page` hook) answers an anonymous visitor of a restricted
page exactly as for the page itself, and the PDF view is never reached.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class PdfRouteMixin(RoutablePageMixin):
    """`<page URL>pdf/`: the page as a PDF in the visitor's language."""

    @path("pdf/", name="page_pdf")
    def page_pdf(self, request):
        from printing.views import page_pdf

        return page_pdf(request, self)


class ObservationFormPdfMixin(RoutablePageMixin):
    """`observation-form/pdf/`: the screening tool's observation form as a one-page PDF."""

    @path("observation-form/pdf/", name="observation_form_pdf")
    def observation_form_pdf(self, request):
        from printing.views import observation_form_pdf

        return observation_form_pdf(request, self)


ROUTES = {"page_pdf": PdfRouteMixin, "observation_form_pdf": ObservationFormPdfMixin}


def pdf_url(page, request=None, route="page_pdf"):
    """The address of the page's PDF by `route`, or "" for a page that has none."""
    if not isinstance(page, ROUTES[route]):
        return ""
    base = page.get_url(request=request)
    return base + page.reverse_subpage(route) if base else ""
