from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """The translators' workflow: translation status, language-scoped roles, XLIFF exchange."""

    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        from translations import forms, role_hooks  # noqa: F401  (role_hooks registers Wagtail hooks)

        forms.install()
