"""Analysis settings: one analyzer per portal language plus a regional one.

Plain Elasticsearch settings that run unchanged on a full cluster; the local core-only
node gets the same components from search/analysis-plugin.
"""

from languages.codes import LANGUAGE_CODES
from languages.transliteration import MACEDONIAN_TO_LATIN

# Macedonian-only letters first, so serbian_normalization can fold the rest of Cyrillic.
MACEDONIAN_MAPPING = [
    f"{cyrillic} => {latin}"
    for letter, spelling in MACEDONIAN_TO_LATIN.items()
    for cyrillic, latin in ((letter, spelling), (letter.upper(), spelling.capitalize()))
]

# Text in any of the region's languages and scripts, reduced to bald Latin: Cyrillic
# transliterated, diacritics dropped, đ spelled dj. A query typed without diacritics or in
# the other script meets the document here.
REGIONAL = {
    "tokenizer": "standard",
    "char_filter": ["macedonian_letters"],
    "filter": ["lowercase", "serbian_normalization", "asciifolding"],
}
# Function words of the portal's languages, as the folding above spells them ("što" -> "sto",
# "të" -> "te"): a quarter of the words of any text. Matching them made nearly every page
# match a query such as "lica za sa" (two of three words found), ranked at random and counted
# over the whole index (docs/performance.md). Left out of the searched fields, in documents
# and queries alike; phrases still line up, as positions keep their gaps. The spelling
# vocabularies and title prefixes keep them.
FUNCTION_WORDS = sorted(
    set(
        """
    a ako ali bi bila bilo bio biti ce cu da do i ili iz je jer jos k ka kada kad kako kao
    koja koje kojem koji kojih kojima li na ne ni niti o od oko ona oni ono ova ove ovi ovo
    pod po pri prema s sa samo se si sam smo ste su sve ta taj tako te to tu u uz vec za
    bea e go gi im koe koga koi koj kon mu no so sto tie toa vo kade
    ai ajo ato dhe deri eshte gjate jane ka kane keto kjo ku kur ky me mund nen nga nje nuk
    ose pa pas per qe saj tij tyre
    an and are as at be but by for from if in into is it its not of on or such that the their
    then there these they this to was were which who will with
""".split()
    )
)
# The same, stemmed with Snowball's Serbian stemmer (it covers Bosnian, Croatian, Montenegrin).
REGIONAL_STEMMED = {
    **REGIONAL,
    "filter": [*REGIONAL["filter"], "function_words", "serbian_stemmer", "macedonian_adjectives", "macedonian_nouns"],
}
# Every prefix of every regional token, for autocomplete on titles: "resoc" meets
# "Ресоцијализација" and "zapos" meets "zapošljavanje". Queries use the plain regional analyzer.
REGIONAL_PREFIXES = {**REGIONAL, "filter": [*REGIONAL["filter"], "prefixes"]}
PREFIX_MAX = 20
ENGLISH = {"tokenizer": "standard", "filter": ["lowercase", "function_words", "english_stemmer"]}
# Lucene has no Albanian stemmer, and the sq_AL hunspell dictionary neither stems "burgjet" nor
# anything typed without ë/ç. A light stemmer instead: after folding, strip one case/number/
# definiteness ending (burgu, burgut, burgje, burgjet, burgjeve -> burg), keeping at least
# three letters of stem. The lazy stem makes the longest ending win.
ALBANIAN_ENDINGS = "jeve|jete|jet|eve|ve|et|it|ut|in|un|es|en|ja|je|a|e|i|u"
ALBANIAN = {
    "tokenizer": "standard",
    "filter": ["lowercase", "asciifolding", "function_words", "albanian_light_stemmer"],
}

# What the regional fields use, and the Slavic languages' own fields too.
REGIONAL_ANALYZER = "regional_stemmed"
# Which analyzer each language's text fields use.
LANGUAGE_ANALYZERS = {
    "en": "english_text",
    "sq": "albanian_text",
    "bs": REGIONAL_ANALYZER,
    "hr": REGIONAL_ANALYZER,
    "cnr": REGIONAL_ANALYZER,
    "sr": REGIONAL_ANALYZER,
    "sr-latn": REGIONAL_ANALYZER,
    "mk": REGIONAL_ANALYZER,
}
assert set(LANGUAGE_ANALYZERS) == set(LANGUAGE_CODES)
# Languages whose own analysis the regional one (Serbian Snowball) does not stand in for.
STEMMED_APART = frozenset(code for code, analyzer in LANGUAGE_ANALYZERS.items() if analyzer != REGIONAL_ANALYZER)

INDEX_SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "analysis": {
        "char_filter": {"macedonian_letters": {"type": "mapping", "mappings": MACEDONIAN_MAPPING}},
        "filter": {
            "function_words": {"type": "stop", "stopwords": FUNCTION_WORDS},
            "serbian_stemmer": {"type": "stemmer", "language": "serbian"},
            "english_stemmer": {"type": "stemmer", "language": "english"},
            "albanian_light_stemmer": {
                "type": "pattern_replace",
                "pattern": f"^(.{{3,}}?)(?:{ALBANIAN_ENDINGS})$",
                "replacement": "$1",
            },
            # Where Macedonian and BCS spell a word a letter apart: adjectives in -iski against
            # -ijski (пробациски, probacijski) and nouns in -anie against -anje (образование,
            # obrazovanje). Applied to stems, so every inflected form meets.
            "macedonian_adjectives": {"type": "pattern_replace", "pattern": "ijsk", "replacement": "isk"},
            "macedonian_nouns": {"type": "pattern_replace", "pattern": "ani$", "replacement": "anj"},
            "prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": PREFIX_MAX},
        },
        "analyzer": {
            "regional": REGIONAL,
            "regional_stemmed": REGIONAL_STEMMED,
            "regional_prefixes": REGIONAL_PREFIXES,
            "english_text": ENGLISH,
            "albanian_text": ALBANIAN,
        },
    },
}


def field_suffix(language):
    """`sr-latn` -> `sr_latn`: field names follow modeltranslation's."""
    return language.replace("-", "_")
