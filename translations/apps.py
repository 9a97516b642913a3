from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The translators' workflow: translation status, language-scoped roles, XLIFF exchange."""

    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        from translations import panels, signals

        signals.connect()
        panels.add_status_panel()
