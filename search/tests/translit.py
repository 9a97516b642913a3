"""Serbian Latin -> Cyrillic for tests (digraphs lj, nj, dž as single letters)."""

PAIRS = [("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("đ", "ђ"), ("č", "ч"), ("ć", "ћ"), ("š", "ш"), ("ž", "ж")]
LETTERS = dict(zip("abvgdezijklmnoprstufhc", "абвгдезијклмнопрстуфхц", strict=True))


def to_cyrillic(text):
    text = text.lower()
    for latin, cyrillic in PAIRS:
        text = text.replace(latin, cyrillic)
    return "".join(LETTERS.get(ch, ch) for ch in text)
