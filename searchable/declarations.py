"""The declaration of one searchable page type, and of the facets it is filtered by."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from modeltranslation.utils import build_localized_fieldname

from languages.codes import DEFAULT_LANGUAGE


def term_label(term):
    """A facet option's label, and a second name shown beside it (none by default)."""
    return str(term), ""


@dataclass(frozen=True)
class Facet:
    """A filter of the search page, the API and the listings, counted by the index.

    `param` is the URL parameter (`?beneficiary=RS`), `relation` the page's relation to a
    term (many-to-many or foreign key), `key` the term's attribute that documents hold and
    URLs carry, `field` the document's keyword field (the relation's name unless given),
    `label` the facet's title. `option_label(term)` gives (label, second name) of an option.
    With `in_results`, every search result carries the page's values (under `index_field`).
    """

    param: str
    relation: str
    label: str
    key: str = "slug"
    field: str = ""
    option_label: Callable = term_label
    in_results: bool = False

    @property
    def index_field(self):
        return self.field or self.relation

    def term_model(self, page_model):
        return page_model._meta.get_field(self.relation).related_model

    def is_many(self, page_model):
        return page_model._meta.get_field(self.relation).many_to_many


@dataclass(frozen=True)
class Part:
    """A piece of a page searched on its own, with its own result: a page of a publication's
    file. `key` is unique within the page, `language` what its text is written in, `url`
    where its result links (the file at that page), `number` the page of the file."""

    key: str
    language: str
    text: str
    url: str
    number: int


@dataclass(frozen=True)
class SearchableType:
    """A page type whose live pages are searched, in every language they are written in.

    Texts: `title`, `summary` and the `body` parts are the page's translated fields (rich
    text and StreamFields are read as plain words); `extra_body(language)` adds texts kept
    outside the page (e.g. snippets it shows), and a change to a model in `depends_on`
    reindexes every page of the type. Facets: what the type is filtered by. `boost` weighs
    the type's pages against the others (1: no preference). `date` names the date field its
    pages are listed and sorted by, newest first (else their first publication), `year` the
    field that gives the year facet (else the year of that date), `identifier` the stable
    identifier results carry (else the English slug), `original_language` the field naming
    the language the page was written in. `parts(page)` gives the pieces of the page
    searched on their own (`Part`: a publication's file, page by page), and
    `dependents(obj)` the ids of the pages a change to a `depends_on` object touches
    (default: every page of the type).
    """

    model_label: str
    summary: str = ""
    body: tuple = ()
    title: str = "title"
    facets: tuple = ()
    boost: float = 1.0
    date: str = ""
    year: str = ""
    identifier: str = ""
    original_language: str = ""
    extra_body: Callable | None = None
    depends_on: tuple = ()
    parts: Callable | None = None
    dependents: Callable | None = None

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def name(self):
        """The value of the `type` facet: `practice` for PracticePage."""
        return self.model._meta.model_name.removesuffix("page")

    @property
    def text_fields(self):
        return tuple(name for name in (self.title, self.summary, *self.body) if name)

    def dependencies(self):
        return [apps.get_model(label) for label in self.depends_on]

    def text(self, page, name, language):
        """A translated field's own value in `language` (no fallback)."""
        return getattr(page, build_localized_fieldname(name, language), None) or ""

    def identifier_of(self, page):
        own = getattr(page, self.identifier, None) if self.identifier else None
        return own or self.text(page, "slug", DEFAULT_LANGUAGE) or page.slug

    def original_language_of(self, page):
        own = getattr(page, self.original_language, None) if self.original_language else None
        return own or DEFAULT_LANGUAGE

    def date_of(self, page):
        own = getattr(page, self.date, None) if self.date else None
        return own or page.first_published_at

    def year_of(self, page):
        own = getattr(page, self.year, None) if self.year else None
        date = self.date_of(page)
        return own or (date.year if date else None)

    @property
    def date_field(self):
        """The database field of `date_of`, for ordering and filtering in the database."""
        return self.date or "first_published_at"

    def year_lookup(self, year):
        """A database filter for the pages of `year` (the year facet's value)."""
        if self.year and any(field.name == self.year for field in self.model._meta.concrete_fields):
            return {self.year: year}
        return {f"{self.date_field}__year": year}
