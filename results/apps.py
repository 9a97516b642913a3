from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = "Trainings and results"

    def ready(self):
        from languages.sections import sections_needed
        from results import freshness
        from results.setup import ensure_results_page

        freshness.connect()
        sections_needed.connect(ensure_results_page, dispatch_uid="results-section")
