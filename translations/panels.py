"""A read-only "Translation status" panel at the end of every tracked page's content tab."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import Page

from translations.registry import tracked_models


class TranslationStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from translations.stored import object_status

            context = super().get_context_data(parent_context)
            context["rows"] = object_status(self.instance)
            return context


def add_status_panel():
    """Appended after wagtail-modeltranslation has patched the panels (its app is ready
    first), so it is left alone by that patching; the cached edit handler is rebuilt."""
    for _section, model in tracked_models():
        if issubclass(model, Page) and not any(isinstance(p, TranslationStatusPanel) for p in model.content_panels):
            model.content_panels = [*model.content_panels, TranslationStatusPanel(heading=_("Translation status"))]
            model.get_edit_handler.cache_clear()
