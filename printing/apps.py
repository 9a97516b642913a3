from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = "Page tools, print and PDF"

    def ready(self):
        from printing import signals

        signals.connect()
