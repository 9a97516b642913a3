"""The page index: one document per page, per-language fields generated from the language list."""

import datetime

from django.conf import settings
from django.utils import translation
from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Object, Text

from portal.languages import LANGUAGE_CODES
from search import content
from search.analysis import INDEX_SETTINGS, LANGUAGE_ANALYZERS, field_suffix
from search.client import get_client

TEXT_FIELDS = ("title", "summary", "body")
ACCESS_LEVELS = ("public", "login", "verified")


def text_field(language, name):
    # Each language's text is analysed for that language, and again the regional way so
    # Bosnian/Croatian/Montenegrin/Serbian (both scripts) and Macedonian meet each other.
    subfields = {"regional": Text(analyzer="regional")}
    if name == "title":
        subfields["prefixes"] = Text(analyzer="regional_prefixes", search_analyzer="regional")
    return Text(analyzer=LANGUAGE_ANALYZERS[language], fields=subfields)


def spelling_field(level):
    """The vocabulary "Did you mean" corrects towards, for visitors who may see `level`.

    One field per access level, filled only from pages that level may see, so a suggestion
    can never be built from a restricted page's words (the local node has no mustache for
    a phrase suggester's `collate`).
    """
    return f"spelling_{level}"


def visible_to(access):
    """The access levels that may see a page whose own level is `access`."""
    return ACCESS_LEVELS[ACCESS_LEVELS.index(access) :] if access in ACCESS_LEVELS else ACCESS_LEVELS[-1:]


class PortalDocument(Document):
    """Names an index family: its read alias, write alias and timestamped concrete indices."""

    index_basename = None

    @classmethod
    def alias(cls):
        return f"{settings.SEARCH_INDEX_PREFIX}-{cls.index_basename}"

    @classmethod
    def write_alias(cls):
        return f"{cls.alias()}-write"

    @classmethod
    def new_index_name(cls):
        return f"{cls.alias()}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    @classmethod
    def create_index(cls, name):
        index = Index(name)
        index.settings(**INDEX_SETTINGS)
        index.mapping(cls._doc_type.mapping)
        index.create(using=get_client())
        return name


def _language_fields():
    return {
        f"{name}_{field_suffix(language)}": text_field(language, name)
        for language in LANGUAGE_CODES
        for name in TEXT_FIELDS
    }


PageDocument = type(
    "PageDocument",
    (PortalDocument,),
    {
        "__module__": __name__,
        "__doc__": "A live page: its text in every language it exists in, and its facets.",
        "index_basename": "pages",
        "page_id": Integer(),
        "slug": Keyword(),
        "type": Keyword(),
        "languages": Keyword(),
        "original_language": Keyword(),
        "beneficiaries": Keyword(),
        "themes": Keyword(),
        "target_groups": Keyword(),
        "setting": Keyword(),
        "year": Integer(),
        "published": Date(),
        "access": Keyword(),
        # Stored, not searched: each language's URL, so results need no database query.
        "urls": Object(enabled=False),
        # Stored, not searched: a digest of the rest of the document, for check_search_index.
        "digest": Keyword(index=False, doc_values=False),
        **_language_fields(),
        **{spelling_field(level): Text(analyzer="regional") for level in ACCESS_LEVELS},
    },
)
# The spelling fields repeat the page's text: indexed, never returned.
PageDocument._doc_type.mapping.meta("_source", excludes=[spelling_field("*")])


def prepare(page, restrictions):
    """The document for a live page (specific instance); `restrictions` as in
    `content.access_level`."""
    doc = PageDocument(meta={"id": page.pk})
    doc.page_id = page.pk
    doc.slug = getattr(page, "record_slug", None) or page.slug_en or page.slug
    doc.type = page._meta.model_name.removesuffix("page")
    doc.languages = content.available_languages(page)
    doc.original_language = getattr(page, "original_language", "en")
    doc.beneficiaries = codes(page, "beneficiaries", "code")
    doc.themes = codes(page, "themes", "slug")
    doc.target_groups = codes(page, "target_groups", "slug")
    doc.setting = page.setting.slug if getattr(page, "setting", None) else None
    doc.year = getattr(page, "start_year", None) or (page.first_published_at.year if page.first_published_at else None)
    doc.published = page.first_published_at
    doc.access = content.access_level(page, restrictions)
    doc.urls = page_urls(page)
    texts = []
    for language in doc.languages:
        for name, value in content.language_texts(page, language).items():
            setattr(doc, f"{name}_{field_suffix(language)}", value)
            texts.append(value)
    for level in visible_to(doc.access):
        setattr(doc, spelling_field(level), texts)
    return doc


def codes(page, relation, attribute):
    manager = getattr(page, relation, None)
    if manager is None:
        return []
    return [getattr(item, attribute) for item in manager.all()]


def page_urls(page):
    urls = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            urls[language] = page.get_url()
    return urls
