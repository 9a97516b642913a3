"""The admin dashboard panel: per language, how many objects have missing, outdated or only current
translations, from the stored status (one query)."""

from django.conf import settings
from wagtail.admin.ui.components import Component

from translations.stored import counts_per_language


class TranslationCountsPanel(Component):
    name = "translation_status"
    order = 150
    template_name = "translations/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        counts = counts_per_language()
        names = dict(settings.LANGUAGES)
        return {"counts": [(code, names[code], values) for code, values in counts.items() if any(values.values())]}
