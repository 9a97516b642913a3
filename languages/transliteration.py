"""Serbian between its two scripts.

Cyrillic to Latin is exact (one letter, one letter or digraph). Latin to Cyrillic must
decide whether `lj`, `nj`, `dž` are one letter or two: they are one except in a known list
of words built with a prefix (`nad|živeti`, `pod|župan`) or borrowed (`in|jekcija`,
`kon|junkcija`). Markup, URLs, e-mail addresses and Latin-only tokens (`ISO`, `UNSCR`,
Roman numerals, words with q, w, x, y) are never converted, so rich text keeps its HTML.
"""

import re

CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "đ",
            "e",
            "ž",
            "z",
            "i",
            "j",
            "k",
            "l",
            "lj",
            "m",
            "n",
            "nj",
            "o",
            "p",
            "r",
            "s",
            "t",
            "ć",
            "u",
            "f",
            "h",
            "c",
            "č",
            "dž",
            "š",
        ],
        strict=True,
    )
)
LATIN_TO_CYRILLIC = {latin: cyrillic for cyrillic, latin in CYRILLIC_TO_LATIN.items()}
DIGRAPHS = ("lj", "nj", "dž")

# Word beginnings where the digraph's letters stay separate; `|` marks the split.
SEPARATE_LETTERS = (
    "nad|živ",
    "nad|žnj",
    "nad|žanr",
    "pod|župan",
    "pod|žanr",
    "pod|žar",
    "pod|žnj",
    "od|žal",
    "in|jekc",
    "in|jekt",
    "in|junkc",
    "kon|junkc",
    "kon|junkt",
    "kon|jug",
    "kon|jektur",
    "van|jezi",
    "van|jevrop",
    "van|jugoslov",
    "tan|jug",
)
# Tokens that stay in Latin letters inside Cyrillic text: names and acronyms of
# international bodies, standards, instruments and file formats, as the portal's Cyrillic
# texts write them (the demo's translators keep VERA, ERG, VEO; they write УН, ЕУ).
LATIN_ONLY = frozenset(
    """ISO UNSCR ICJ OSCE UNDP UNODC UNICEF UNHCR NATO RAN CoE ECHR ECtHR CPT IOM ICT
    PDF CSV JSON HTML URL GDPR ICD DSM NGO FTF VERA ERG VEO""".split()
)
ROMAN_NUMERAL = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
FOREIGN_LETTERS = re.compile(r"[qwxyQWXY]")

# What is never converted: tags, entities, URLs, e-mail addresses.
PROTECTED = re.compile(
    r"<[^>]*>"
    r"|&(?:#\d+|#x[0-9a-fA-F]+|\w+);"
    r"|\b(?:https?|ftp)://[^\s<>\"]+"
    r"|\bwww\.[^\s<>\"]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
WORD = re.compile(r"[^\W_]+")  # letters and digits: "2R" in "VERA-2R" is one token


def _unprotected(text, convert):
    """Applies `convert` to the text between protected spans."""
    parts, last = [], 0
    for match in PROTECTED.finditer(text):
        parts.append(convert(text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(convert(text[last:]))
    return "".join(parts)


# Cyrillic -> Latin ------------------------------------------------------------------


def cyrillic_to_latin(text):
    if not text:
        return text
    return _unprotected(str(text), _cyrillic_run)


def _cyrillic_run(text):
    out = []
    for index, char in enumerate(text):
        latin = CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        elif not char.isupper():
            out.append(latin)
        elif len(latin) > 1 and _in_capitals(text, index):
            out.append(latin.upper())  # ЉУБАВ -> LJUBAV
        else:
            out.append(latin[0].upper() + latin[1:])  # Љубљана -> Ljubljana
    return "".join(out)


def _in_capitals(text, index):
    """Whether the capital at `index` belongs to an all-capitals word."""
    after = text[index + 1 : index + 2]
    before = text[index - 1 : index] if index else ""
    if after.isalpha():
        return after.isupper()
    return before.isalpha() and before.isupper()


# Latin -> Cyrillic ------------------------------------------------------------------


def latin_to_cyrillic(text):
    if not text:
        return text
    return _unprotected(str(text), lambda run: WORD.sub(_cyrillic_word, run))


def _cyrillic_word(match):
    word = match.group()
    if _stays_latin(word):
        return word
    splits = _separate_positions(word)
    out, index = [], 0
    while index < len(word):
        pair = word[index : index + 2]
        if pair.lower() in DIGRAPHS and index + 1 not in splits:
            cyrillic = LATIN_TO_CYRILLIC[pair.lower()]
            out.append(cyrillic.upper() if pair[0].isupper() else cyrillic)
            index += 2
            continue
        char = word[index]
        cyrillic = LATIN_TO_CYRILLIC.get(char.lower(), char)
        out.append(cyrillic.upper() if char.isupper() else cyrillic)
        index += 1
    return "".join(out)


def _stays_latin(word):
    if word in LATIN_ONLY or FOREIGN_LETTERS.search(word):
        return True
    if any(char.isdigit() for char in word):  # codes such as 2R, A4, B12
        return True
    # "MI" (we) is a word far more often than the number 1001.
    return len(word) > 1 and word.isupper() and word != "MI" and bool(ROMAN_NUMERAL.match(word))


def _separate_positions(word):
    """Indexes in `word` where a digraph must be read as two letters."""
    lower = word.lower()
    positions = set()
    for entry in SEPARATE_LETTERS:
        prefix, rest = entry.split("|")
        if lower.startswith(prefix + rest):
            positions.add(len(prefix))
    return positions


def is_cyrillic(text):
    return any(char.lower() in CYRILLIC_TO_LATIN for char in str(text or ""))


# Field values -----------------------------------------------------------------------

CYRILLIC_SCRIPT = "sr"  # the Serbian language code written in Cyrillic; `sr-latn` is Latin


def to_script(value, language):
    """A field value (text, rich text HTML, StreamField) in `language`'s script."""
    convert = latin_to_cyrillic if language == CYRILLIC_SCRIPT else cyrillic_to_latin
    if hasattr(value, "stream_block"):
        from wagtail.blocks import StreamValue

        return StreamValue(value.stream_block, _convert_data(value.get_prep_value(), convert), is_lazy=True)
    if isinstance(value, str):
        return convert(value)
    return value


def _convert_data(data, convert):
    """Every string in StreamField raw data, leaving block types and ids alone."""
    if isinstance(data, str):
        return convert(data)
    if isinstance(data, dict):
        return {key: value if key in {"id", "type"} else _convert_data(value, convert) for key, value in data.items()}
    if isinstance(data, list):
        return [_convert_data(item, convert) for item in data]
    return data


# Serbian and Macedonian Cyrillic as Serbian Latin, letter for letter, for `fold`: anyascii
# alone spells ш as "sh" where š gives "s", so the two scripts would not compare equal.
MACEDONIAN_TO_LATIN = {"ќ": "ć", "ѓ": "đ", "ѕ": "dz"}
_FOLD_CYRILLIC = str.maketrans(
    {
        letter: latin
        for cyrillic, latin in {**CYRILLIC_TO_LATIN, **MACEDONIAN_TO_LATIN}.items()
        for letter, latin in ((cyrillic, latin), (cyrillic.upper(), latin))
    }
)


def fold(text):
    """Lowercase bald Latin in any script, so that "obezbjedjenje", "обезбјеђење" and
    "obezbjeđenje" compare equal (đ typed as dj or d alike), and so do "школа" and "skola"."""
    from anyascii import anyascii

    return " ".join(anyascii((text or "").translate(_FOLD_CYRILLIC)).lower().replace("dj", "d").split())
