from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = "Practice exchange"

    def ready(self):
        # Contributors hear of their submission's fate from the portal, in their language.
        from exchange import notifications

        notifications.connect()
