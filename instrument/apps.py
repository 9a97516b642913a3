from django.apps import AppConfig


class InstrumentConfig(AppConfig):
    name = "instrument"
