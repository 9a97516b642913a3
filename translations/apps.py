from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The translators' workflow: translation status, language-scoped roles, XLIFF exchange."""

    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        # After wagtail-modeltranslation (listed first in INSTALLED_APPS) has patched the panels
        # and wrapped the page forms: both steps below build on its result.
        from translations import forms, panels, role_hooks, signals  # noqa: F401  (role_hooks registers Wagtail hooks)

        signals.connect()
        panels.add_status_panel()
        forms.install()
