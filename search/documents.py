"""The page index: one document per page, per-language fields generated from the language list."""

import copy
import datetime

from django.conf import settings
from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Object, Text

import searchable
from languages.codes import LANGUAGE_CODES
from search import content
from search.analysis import INDEX_SETTINGS, LANGUAGE_ANALYZERS, REGIONAL_ANALYZER, STEMMED_APART, field_suffix
from search.client import get_client

TEXT_FIELDS = ("title", "summary", "body")
SNIPPET_FIELD = "summary"  # what result snippets are cut from (search.queries)
# "Did you mean" vocabularies: public pages' words for everyone, every page's for verified
# professionals. Signed-in users who are not verified get the public one (a login-only
# page's words are then never proposed to them, but nothing restricted leaks).
SPELLING_LEVELS = ("public", "verified")


def text_field(language, name):
    # Each language's text is analysed for that language, and copied into one regional
    # field per kind of text (title_regional, ...), where Bosnian, Croatian, Montenegrin,
    # Serbian in both scripts and Macedonian meet. One field instead of eight keeps queries
    # cheap (docs/performance.md).
    options = {"copy_to": regional_field(name)}
    if not is_indexed(language, name):
        return Text(index=False, **options)
    if name == SNIPPET_FIELD:
        # Offsets in the postings: the highlighter reads where the words are instead of
        # analysing each hit's text again.
        options["index_options"] = "offsets"
    return Text(analyzer=LANGUAGE_ANALYZERS[language], **options)


def is_indexed(language, name):
    """Whether a language's text field is searchable on its own, besides its regional copy.

    A Slavic language's analyzer is the regional one, so its body would be analysed twice
    into the same tokens; bodies are most of the text, and this halved their indexing work
    (docs/performance.md). Titles and summaries stay: the visitor's language is boosted on
    them, and summaries are highlighted."""
    return name != "body" or language in STEMMED_APART


def regional_field(name):
    return f"{name}_regional"


def regional_fields():
    # Every language's text, folded to bald Latin and stemmed with the Serbian stemmer; titles
    # also by prefix, for autocomplete ("resoc" meets "Ресоцијализација").
    fields = {regional_field(name): Text(analyzer=REGIONAL_ANALYZER) for name in TEXT_FIELDS}
    fields[regional_field("title")] = Text(
        analyzer=REGIONAL_ANALYZER,
        fields={"prefixes": Text(analyzer="regional_prefixes", search_analyzer="regional")},
    )
    return fields


def spelling_field(level):
    """The vocabulary "Did you mean" corrects towards, for visitors who may see `level`.

    Filled only from the titles and summaries of pages that level may see, so a suggestion
    can never be built from a restricted page's words (the local node has no mustache for a
    phrase suggester's `collate`). Titles and summaries hold the words people search for; the
    bodies would triple the indexing work (docs/performance.md).
    """
    return f"spelling_{level}"


def spelling_levels(access):
    """The spelling vocabularies a page whose own level is `access` goes into."""
    return SPELLING_LEVELS if access == "public" else SPELLING_LEVELS[-1:]


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
    def mapping(cls):
        return cls._doc_type.mapping

    @classmethod
    def create_index(cls, name):
        index = Index(name)
        index.settings(**INDEX_SETTINGS)
        index.mapping(cls.mapping())
        index.create(using=get_client())
        return name


def _language_fields():
    return {
        f"{name}_{field_suffix(language)}": text_field(language, name)
        for language in LANGUAGE_CODES
        for name in TEXT_FIELDS
    }


def page_mapping(cls):
    """The fixed fields, and a keyword field for each declared facet (read when an index is
    created: the declarations are discovered after this module is imported)."""
    mapping = copy.deepcopy(cls._doc_type.mapping)  # with its meta (_source excludes)
    for facet in searchable.facets():
        mapping.field(facet.index_field, Keyword())
    return mapping


PageDocument = type(
    "PageDocument",
    (PortalDocument,),
    {
        "__module__": __name__,
        "__doc__": "A live page: its text in every language it exists in, and its facets.",
        "index_basename": "pages",
        "mapping": classmethod(page_mapping),
        "page_id": Integer(),
        "slug": Keyword(),
        "type": Keyword(),
        "languages": Keyword(),
        "original_language": Keyword(),
        # Plus a keyword field per declared facet (`PageDocument.mapping`).
        "year": Integer(),
        "published": Date(),
        "access": Keyword(),
        # A page of a file searched on its own (`searchable.Part`): its number in the file, and
        # which part of the page it is (a page's own document has neither).
        "document_page": Integer(),
        "part": Keyword(),
        # Stored, not searched: each language's URL, so results need no database query.
        "urls": Object(enabled=False),
        # Stored, not searched: a digest of the rest of the document, for check_search_index.
        "digest": Keyword(index=False, doc_values=False),
        **_language_fields(),
        **regional_fields(),
        # Only the words and their frequencies count for suggestions: no positions, no norms.
        **{
            spelling_field(level): Text(analyzer="regional", index_options="freqs", norms=False)
            for level in SPELLING_LEVELS
        },
    },
)
# Indexed, never returned: the spelling fields repeat the page's text, and results show
# titles and summaries only. Bodies are two thirds of a document: keeping them out of the
# stored source makes fetching hits cheaper (docs/performance.md). Rebuilds read the
# database, never the index, so nothing needs them back.
PageDocument._doc_type.mapping.meta("_source", excludes=[spelling_field("*"), "body_*"])


def prepare(page, restrictions, relations, urls):
    """The document source for a live page (specific instance), empty values left out.

    `restrictions` as in `content.access_level`; `relations` the page's facet values and
    `urls` its URL per language, both read for a whole batch by `search.indexing`."""
    declaration = searchable.type_for(type(page))
    languages = content.available_languages(page)
    access = content.access_level(page, restrictions)
    source = {
        "page_id": page.pk,
        "slug": declaration.identifier_of(page),
        "type": declaration.name,
        "languages": languages,
        "original_language": declaration.original_language_of(page),
        **relations,
        "year": declaration.year_of(page),
        "published": declaration.date_of(page),  # what listings and the "newest" sort order by
        "access": access,
        "urls": urls,
    }
    spelling = []
    for language in languages:
        texts = content.language_texts(page, declaration, language)
        for name, value in texts.items():
            source[f"{name}_{field_suffix(language)}"] = value
        spelling += [texts["title"], texts["summary"]]
    for level in spelling_levels(access):
        source[spelling_field(level)] = spelling
    return {key: value for key, value in source.items() if value not in (None, "", [], {})}


# What a part's document keeps of its page's: the same page id (so the access filter and the
# database's hidden pages apply to it alike), type, facets, year and access.
PAGE_TEXT_PREFIXES = ("title_", "summary_", "body_", "spelling_")
PART_OMITS = ("languages", "urls", "digest")


def part_id(page_id, part):
    return f"{page_id}.{part.key}"


def prepare_part(page, source, part):
    """The document of one `searchable.Part` of `page`, from the page's own `source`.

    Its text is indexed as a summary in its language (analysed for that language and copied
    into the regional field), so the highlighter cuts the matched passage out of it. Its title
    is the page's in that language, else in the page's original language. Its words join the
    spelling vocabularies of the levels that may see the page, as a summary's do: otherwise
    "Did you mean" took every word found only in a file for a typo ("civil" → "cilin"), and the
    suggester's search for corrections, plus the request checking them, was a third of such a
    search's time (docs/performance.md)."""
    declaration = searchable.type_for(type(page))
    shared = {
        key: value for key, value in source.items() if key not in PART_OMITS and not key.startswith(PAGE_TEXT_PREFIXES)
    }
    suffix = field_suffix(part.language)
    title = content.localized(page, declaration.title, part.language) or content.localized(
        page, declaration.title, declaration.original_language_of(page)
    )
    return shared | {
        "languages": [part.language],
        f"title_{suffix}": title,
        f"summary_{suffix}": part.text,
        "urls": dict.fromkeys(LANGUAGE_CODES, part.url),
        "document_page": part.number,
        "part": part.key,
        **{spelling_field(level): [title, part.text] for level in spelling_levels(source["access"])},
    }
