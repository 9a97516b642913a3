from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = "Trainings and results"

    def ready(self):
        from results import freshness

        freshness.connect()
