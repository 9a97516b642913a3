from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = "Languages"

    def ready(self):
        from wagtail.models import Page

        from languages.codes import DEFAULT_LANGUAGE

        # wagtail-modeltranslation makes a page's English title and slug mandatory. A
        # practice may exist only in its original language, so the portal's page classes
        # require the title in their own source language instead and derive a missing
        # English slug (languages.pages.SourceLanguageMixin).
        for name in ("title", f"title_{DEFAULT_LANGUAGE}", f"slug_{DEFAULT_LANGUAGE}"):
            Page._meta.get_field(name).blank = True

        self.pin_slug_fallbacks(Page)
        self.route_by_slug_lookup()
        self.rewrite_url_paths_in_sql()
        self.validate_slugs_in_sql()
        self.check_form_slugs_in_sql()
        self.index_translated_slugs()

    @staticmethod
    def index_translated_slugs():
        """wagtail-modeltranslation's migrate adds the translated slug columns without an index;
        its column sync then creates one per language (languages/slug_indexes.py)."""
        from wagtail_modeltranslation.management.commands import sync_page_translation_fields

        from languages.slug_indexes import after_sync

        command = sync_page_translation_fields.Command
        if not getattr(command.handle, "indexes_slugs", False):
            command.handle = after_sync(command.handle)
            command.handle.indexes_slugs = True

    @staticmethod
    def validate_slugs_in_sql():
        """A page's clean() checks its slugs against its siblings' with one query per language
        (languages/slugs.py), not by loading them all. The patched clean() calls this
        module-level function by name."""
        from wagtail_modeltranslation import patch_wagtailadmin

        from languages.slugs import validate_slugs

        patch_wagtailadmin._validate_slugs = validate_slugs

    @staticmethod
    def check_form_slugs_in_sql():
        """The page editor's slug check too (languages/page_form.py): wagtail-modeltranslation's
        form wrapper, set on each page model in its ready(), loads every sibling."""
        from django.apps import apps
        from wagtail.models import Page

        from languages import page_form

        page_form.install(model for model in apps.get_models() if issubclass(model, Page))

    @staticmethod
    def rewrite_url_paths_in_sql():
        """A renamed or moved page's descendants get their URL paths in one UPDATE per language
        (languages/url_paths.py). The patch calls this module-level function by name."""
        from wagtail_modeltranslation import patch_wagtailadmin

        from languages.url_paths import update_descendant_url_paths

        patch_wagtailadmin._localized_update_descendant_url_paths = update_descendant_url_paths

    @staticmethod
    def pin_slug_fallbacks(page_class):
        """Slugs and URL paths fall back to English only, whatever the language chains say:
        a localized URL path is built from that language's slug or the English one, so any
        other fallback would generate URLs that routing cannot match (404)."""
        from languages.fallbacks import SLUG_FALLBACKS

        for name in ("slug", "url_path"):
            page_class.__dict__[name].fallback_languages = SLUG_FALLBACKS

    @staticmethod
    def route_by_slug_lookup():
        """Every page model routes with languages.routing.route, in place of the method that
        wagtail-modeltranslation's ready() set on each of them (it runs first: INSTALLED_APPS)."""
        from django.apps import apps
        from wagtail.models import Page

        from languages.routing import route

        for model in apps.get_models():
            if issubclass(model, Page):
                model.route = route
