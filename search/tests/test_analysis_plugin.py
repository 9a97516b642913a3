"""Tests of the portal-analysis plugin on the local Elasticsearch node.

Needs a running node (scripts/elasticsearch.sh start --test) at $ELASTICSEARCH_URL
(default http://127.0.0.1:9200); fails, never skips, when there is none. No Django needed.

Analysis chains are sent inline to `_analyze`, so every component is checked under the name and
settings that Elasticsearch's own analysis-common uses on a full production cluster.
"""

import os
import uuid

import pytest
from elasticsearch import ApiError, Elasticsearch
from elasticsearch import ConnectionError as ESConnectionError

ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")


@pytest.fixture(scope="module")
def es():
    client = Elasticsearch(ES_URL, request_timeout=30)
    try:
        client.cluster.health()
    except (ESConnectionError, ApiError) as exc:
        pytest.fail(
            f"No Elasticsearch node answers {ES_URL}/_cluster/health ({exc!r}). "
            "Start one with `scripts/elasticsearch.sh start --test` and set ELASTICSEARCH_URL "
            "to the URL it prints.",
            pytrace=False,
        )
    yield client
    client.close()


@pytest.fixture
def index_name(es):
    """A throwaway index name starting with test-plugin-; the index is deleted afterwards."""
    name = f"test-plugin-{uuid.uuid4().hex[:12]}"
    yield name
    es.options(ignore_status=404).indices.delete(index=name)


def analyze(es, text, tokenizer="standard", filters=(), char_filters=()):
    body = {"tokenizer": tokenizer, "text": text}
    if filters:
        body["filter"] = list(filters)
    if char_filters:
        body["char_filter"] = list(char_filters)
    response = es.indices.analyze(**body)
    return [token["token"] for token in response["tokens"]]


def analyze_error(es, **body):
    """Runs _analyze expecting a 400 and returns the whole error text."""
    with pytest.raises(ApiError) as info:
        es.indices.analyze(text="x", **body)
    assert info.value.meta.status == 400, info.value
    return str(info.value.body)


SERBIAN_LATIN = ["lowercase", "serbian_normalization"]


# --- token filters -----------------------------------------------------------------------


def test_serbian_normalization_cyrillic_to_latin(es):
    assert analyze(es, "Осуђених ЂУРЂЕВ", filters=SERBIAN_LATIN) == ["osudjenih", "djurdjev"]
    assert analyze(es, "osuđenih", filters=SERBIAN_LATIN) == ["osudjenih"]


def test_asciifolding_albanian(es):
    assert analyze(es, "Fushë Krujë", filters=["lowercase", "asciifolding"]) == ["fushe", "kruje"]
    assert analyze(es, "provës çështje", filters=["lowercase", "asciifolding"]) == ["proves", "ceshtje"]


def test_asciifolding_preserve_original(es):
    tokens = analyze(es, "Fushë", filters=["lowercase", {"type": "asciifolding", "preserve_original": True}])
    assert tokens == ["fushe", "fushë"]


def test_stemmer_serbian_after_normalisation(es):
    chain = [*SERBIAN_LATIN, {"type": "stemmer", "language": "serbian"}]
    assert analyze(es, "povratnika", filters=chain) == ["povratnik"]
    assert analyze(es, "Породицама porodice", filters=chain) == ["porodic", "porodic"]


def test_stemmer_english(es):
    chain = ["lowercase", {"type": "stemmer", "language": "english"}]
    assert analyze(es, "returning fighters employment guides", filters=chain) == [
        "return",
        "fighter",
        "employ",
        "guid",
    ]


def test_stemmer_english_variants(es):
    def stem(language, text):
        return analyze(es, text, filters=["lowercase", {"type": "stemmer", "language": language}])

    assert stem("light_english", "fighters") == ["fighter"]
    assert stem("minimal_english", "guides") == ["guide"]
    assert stem("porter", "employment") == ["employ"]
    assert stem("porter2", "generously") == ["generous"]
    # `name` is analysis-common's alias of `language`; the default language is porter.
    assert analyze(es, "fighters", filters=[{"type": "stemmer", "name": "minimal_english"}]) == ["fighter"]
    assert analyze(es, "employment", filters=[{"type": "stemmer"}]) == ["employ"]


def test_snowball(es):
    assert analyze(es, "povratnika", filters=[{"type": "snowball", "language": "Serbian"}]) == ["povratnik"]
    assert analyze(es, "returning", filters=[{"type": "snowball", "language": "English"}]) == ["return"]
    assert analyze(es, "returning", filters=["snowball"]) == ["return"]


def test_stemmer_unsupported_language_fails(es):
    error = analyze_error(es, tokenizer="standard", filter=[{"type": "stemmer", "language": "klingon"}])
    assert "unsupported language [klingon]" in error
    error = analyze_error(es, tokenizer="standard", filter=[{"type": "snowball", "language": "klingon"}])
    assert "unsupported language [Klingon]" in error


def test_unsupported_or_invalid_options_fail(es):
    error = analyze_error(es, tokenizer="standard", char_filter=[{"type": "mapping", "mappings_path": "x.txt"}])
    assert "[mappings_path] is not supported" in error
    error = analyze_error(es, tokenizer="standard", filter=[{"type": "asciifolding", "preserve_original": "yes"}])
    assert "must be [true] or [false]" in error
    error = analyze_error(es, tokenizer="standard", filter=[{"type": "edge_ngram", "side": "middle"}])
    assert "invalid side" in error
    error = analyze_error(es, tokenizer={"type": "ngram", "token_chars": ["letters"]})
    assert "unsupported token type [letters]" in error


def test_edge_ngram_filter(es):
    edge = {"type": "edge_ngram", "min_gram": 2, "max_gram": 5}
    assert analyze(es, "reintegracija", filters=[edge]) == ["re", "rei", "rein", "reint"]
    # Wagtail's backend sends the legacy `side: front`.
    assert analyze(es, "reintegracija", filters=[{**edge, "side": "front"}]) == ["re", "rei", "rein", "reint"]
    assert analyze(
        es, "abc", filters=[{"type": "edge_ngram", "min_gram": 1, "max_gram": 2, "preserve_original": True}]
    ) == [
        "a",
        "ab",
        "abc",
    ]


def test_ngram_filter(es):
    assert analyze(es, "abcde", filters=[{"type": "ngram", "min_gram": 3, "max_gram": 4}]) == [
        "abc",
        "abcd",
        "bcd",
        "bcde",
        "cde",
    ]
    assert analyze(es, "abc", filters=[{"type": "ngram", "min_gram": 2, "max_gram": 2, "preserve_original": True}]) == [
        "ab",
        "bc",
        "abc",
    ]


def test_trim_and_unique(es):
    assert analyze(es, "  padded  ", tokenizer="keyword", filters=["trim"]) == ["padded"]
    assert analyze(es, "a b a c b", tokenizer="whitespace", filters=["unique"]) == ["a", "b", "c"]


# --- char filters ------------------------------------------------------------------------


def test_mapping_macedonian_letters_then_serbian_normalization(es):
    mapping = {"type": "mapping", "mappings": ["ќ => ć", "ѓ => đ", "ѕ => dz"]}
    tokens = analyze(es, "ќерка ѓубре ѕвезда", filters=SERBIAN_LATIN, char_filters=[mapping])
    assert tokens == ["cerka", "djubre", "dzvezda"]


def test_mapping_requires_mappings(es):
    error = analyze_error(es, tokenizer="standard", char_filter=[{"type": "mapping"}])
    assert "mapping requires either `mappings` or `mappings_path`" in error
    # Referenced by bare name (no settings at all) it fails as well, when used.
    error = analyze_error(es, tokenizer="standard", char_filter=["mapping"])
    assert "mapping requires either `mappings` or `mappings_path`" in error


def test_html_strip(es):
    assert analyze(es, "<p>Prvi <b>korak</b></p>", char_filters=["html_strip"]) == ["Prvi", "korak"]
    kept = analyze(es, "<b>x</b>", tokenizer="whitespace", char_filters=[{"type": "html_strip", "escaped_tags": ["b"]}])
    assert kept == ["<b>x</b>"]


# --- tokenizers --------------------------------------------------------------------------


def test_ngram_tokenizer(es):
    tokenizer = {"type": "ngram", "min_gram": 2, "max_gram": 2, "token_chars": ["letter", "digit"]}
    assert analyze(es, "abc d1-e", tokenizer=tokenizer) == ["ab", "bc", "d1"]
    assert analyze(es, "abc", tokenizer={"type": "ngram", "min_gram": 2, "max_gram": 3}) == ["ab", "abc", "bc"]


def test_edge_ngram_tokenizer(es):
    tokenizer = {"type": "edge_ngram", "min_gram": 2, "max_gram": 4, "token_chars": ["letter"], "side": "front"}
    assert analyze(es, "Wagtail CMS-7", tokenizer=tokenizer) == ["Wa", "Wag", "Wagt", "CM", "CMS"]
    tokenizer = {
        "type": "edge_ngram",
        "min_gram": 1,
        "max_gram": 3,
        "token_chars": ["letter", "punctuation", "custom"],
        "custom_token_chars": "+",
    }
    assert analyze(es, "c++ x", tokenizer=tokenizer) == ["c", "c+", "c++", "x"]


def test_whitespace_keyword_letter_tokenizers(es):
    assert analyze(es, "Shërbimi i provës", tokenizer="whitespace") == ["Shërbimi", "i", "provës"]
    assert analyze(es, "Shërbimi i provës", tokenizer="keyword") == ["Shërbimi i provës"]
    assert analyze(es, "ne-vladine 2024 org", tokenizer="letter") == ["ne", "vladine", "org"]


# --- hunspell (core) with the Debian dictionaries copied by scripts/elasticsearch.sh -------


def test_hunspell_bosnian(es, index_name):
    settings = {
        "analysis": {
            "filter": {"bs_hunspell": {"type": "hunspell", "locale": "bs_BA", "dedup": True}},
            "analyzer": {"bs": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "bs_hunspell"]}},
        }
    }
    try:
        es.indices.create(index=index_name, settings=settings)
    except ApiError as exc:
        if "hunspell" not in str(exc.body).lower():
            raise
        pytest.fail(
            f"Could not create an index with a bs_BA hunspell filter ({exc.body}). The node needs the Bosnian "
            "dictionary: install it (Debian: apt-get install hunspell-bs hunspell-hr hunspell-sr myspell-sq), "
            "then restart the node (scripts/elasticsearch.sh stop; scripts/elasticsearch.sh start --test), "
            "which copies /usr/share/hunspell/bs_BA.* into its config/hunspell/.",
            pytrace=False,
        )
    response = es.indices.analyze(index=index_name, analyzer="bs", text="povratnika povratnici porodicama")
    assert [t["token"] for t in response["tokens"]] == ["povratnik", "povratnik", "porodica"]


# --- Wagtail's own Elasticsearch backend settings ----------------------------------------


def test_wagtail_elasticsearch8_backend_index_settings(es, index_name):
    from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

    body = Elasticsearch8SearchBackend.settings
    # Exactly what Elasticsearch8Index.put() sends: indices.create(index=..., **backend.settings).
    es.indices.create(index=index_name, **body)

    def run(analyzer, text):
        response = es.indices.analyze(index=index_name, analyzer=analyzer, text=text)
        return [t["token"] for t in response["tokens"]]

    assert run("edgengram_analyzer", "Fushë") == ["f", "fu", "fus", "fush", "fushe"]
    assert run("ngram_analyzer", "Krujë") == ["kru", "kruj", "kruje", "ruj", "ruje", "uje"]
    tokenizer = es.indices.analyze(index=index_name, tokenizer="edgengram_tokenizer", text="ab")
    assert [t["token"] for t in tokenizer["tokens"]] == ["ab"]
    tokenizer = es.indices.analyze(index=index_name, tokenizer="ngram_tokenizer", text="abcd")
    assert [t["token"] for t in tokenizer["tokens"]] == ["abc", "abcd", "bcd"]

    es.indices.delete(index=index_name)
    assert not es.indices.exists(index=index_name)
