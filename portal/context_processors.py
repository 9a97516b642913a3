from django.utils import translation

from portal.languages import bcp47


def portal(request):
    return {"html_lang": bcp47(translation.get_language() or "en")}
