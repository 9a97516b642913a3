"""Montenegrin date and number formats: Django has none for `cnr`; Serbian Latin's are right."""

from django.conf.locale.sr_Latn.formats import *  # noqa: F403
