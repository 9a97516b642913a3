"""The library's listing: publications newest first, filtered by type, Beneficiary, language
of their files and year, 20 to a page. Read from the database (as the news listing): a library
holds tens of publications, and its filters are fields, not the index's terms."""

from django.core.paginator import Paginator

from languages.codes import LANGUAGE_CODES
from practices.models import Beneficiary
from roles.restrictions import visible_to

PER_PAGE = 20
# The same URL parameters as search's facets where they mean the same.
PARAMS = ("type", "beneficiary", "language", "year")


class PublicationListing:
    def __init__(self, params, user, pages):
        """`pages`: the library's publications, before any filter."""
        self.params = params
        self.user = user
        self.pages = pages

    def chosen(self, name):
        return self.params.get(name, "")

    @property
    def type(self):
        value = self.chosen("type")
        return value if value in dict(self.type_options()) else ""

    @property
    def beneficiary(self):
        return self.chosen("beneficiary")

    @property
    def language(self):
        value = self.chosen("language")
        return value if value in LANGUAGE_CODES else ""

    @property
    def year(self):
        value = self.chosen("year")
        return int(value) if value.isdigit() else None

    def type_options(self):
        # Read from the model of the pages listed: this module imports no model of its app
        # (the library page imports it).
        return self.pages.model._meta.get_field("publication_type").choices

    def beneficiary_options(self):
        return [(b.code, b.display_name) for b in Beneficiary.objects.all()]

    def language_options(self):
        from django.conf import settings

        used = set(self.pages.values_list("files__language", flat=True))
        return [(code, name) for code, name in settings.LANGUAGES if code in used]

    def year_options(self):
        return sorted({day.year for day in self.pages.live().dates("date", "year")}, reverse=True)

    def filtered(self):
        # As Wagtail decides for this visitor: a restricted publication only for its groups.
        pages = visible_to(self.user, self.pages.live())
        if self.type:
            pages = pages.filter(publication_type=self.type)
        if self.beneficiary:
            pages = pages.filter(beneficiaries__code=self.beneficiary)
        if self.language:
            pages = pages.filter(files__language=self.language)
        if self.year:
            pages = pages.filter(date__year=self.year)
        return pages.distinct().order_by("-date", "-pk").prefetch_related("files__document", "beneficiaries")

    def page(self):
        return Paginator(self.filtered(), PER_PAGE).get_page(self.params.get("page"))

    def query_without_page(self):
        params = self.params.copy()
        params.pop("page", None)
        return params.urlencode()
