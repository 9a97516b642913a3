from django.utils import translation

from languages.codes import bcp47


def html_language(request):
    return {"html_lang": bcp47(translation.get_language() or "en")}
