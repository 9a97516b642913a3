"""The portal's languages: one list that settings, templates and search derive from.

Django does not know Montenegrin (`cnr`); `register_montenegrin()` adds it to Django's
LANG_INFO so that `get_language_info("cnr")` and the language switcher work. Its
interface catalogue lives in `locale/cnr/`.
"""

from django.conf import locale as django_locale

# (code, native name). English is the source language and the default.
PORTAL_LANGUAGES = (
    ("en", "English"),
    ("sq", "Shqip"),
    ("bs", "Bosanski"),
    ("hr", "Hrvatski"),
    ("cnr", "Crnogorski"),
    ("sr", "Српски"),
    ("sr-latn", "Srpski (latinica)"),
    ("mk", "Македонски"),
)

LANGUAGE_CODES = tuple(code for code, _name in PORTAL_LANGUAGES)
DEFAULT_LANGUAGE = "en"

# BCP 47 tags for <html lang> and hreflang where the URL code is not one already.
BCP47 = {"sr": "sr-Cyrl", "sr-latn": "sr-Latn"}

# Scripts: Serbian is published in both; Macedonian only in Cyrillic.
CYRILLIC_LANGUAGES = frozenset({"sr", "mk"})


def bcp47(code):
    return BCP47.get(code, code)


def register_montenegrin():
    django_locale.LANG_INFO.setdefault(
        "cnr",
        {
            "bidi": False,
            "code": "cnr",
            "name": "Montenegrin",
            "name_local": "crnogorski",
        },
    )
