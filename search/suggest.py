""" "Did you mean": a phrase suggester over the vocabulary the visitor may see.

The suggester reads `spelling_<level>` (see documents.spelling_field), which holds only the
titles and summaries of pages visible at that level, so no restricted word can ever be proposed.
"""

from languages.transliteration import fold
from search.documents import SPELLING_LEVELS, spelling_field

NAME = "did_you_mean"


def field_for(access):
    # Access levels are cumulative ("public", "login", "verified"): the widest vocabulary the
    # visitor may see; signed-in users who are not verified get the public one.
    return spelling_field(max((level for level in SPELLING_LEVELS if level in access), key=SPELLING_LEVELS.index))


def add_suggester(search, text, access):
    field = field_for(access)
    return search.suggest(
        NAME,
        text,
        phrase={
            "field": field,
            "size": 1,
            "gram_size": 1,  # the spelling fields have no shingles: unigram language model
            "max_errors": 2,  # up to two misspelt words corrected
            "confidence": 1.0,  # only what scores better than the words as typed
            "direct_generator": [
                # "missing": words the visible vocabulary has are never "corrected".
                {"field": field, "suggest_mode": "missing", "min_word_length": 4, "prefix_length": 1}
            ],
        },
    )


def read_suggestion(response, text):
    suggest = getattr(response, "suggest", None)
    if not suggest or NAME not in suggest:
        return None
    for entry in suggest[NAME]:
        for option in entry.options:
            if fold(option.text) != fold(text):
                return option.text
    return None
