from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications"

    def ready(self):
        from languages.sections import sections_needed
        from publications import signals
        from publications.setup import ensure_library

        signals.connect()
        sections_needed.connect(ensure_library, dispatch_uid="publications-section")
