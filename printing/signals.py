"""Saving or deleting what a PDF prints besides the page itself renews the cache generation.

Page fields, steps, annexes and version history belong to the page's revision: publishing it
changes the key already (cache.key). Snippets and documents have no revisions, so any change to
them starts a new generation: every PDF is rendered afresh on its next request. They change
rarely, and one render is well under two seconds.
"""

from django.db.models.signals import post_delete, post_save

SENDERS = (
    "practices.Beneficiary",
    "practices.Setting",
    "practices.Theme",
    "practices.TargetGroup",
    "practices.IndicatorDomain",
    "practices.Indicator",
    "practices.ReferralPathway",
    "wagtaildocs.Document",
)


def renew(sender, **kwargs):
    from printing.cache import renew_generation

    renew_generation()


def connect():
    from django.apps import apps

    for label in SENDERS:
        model = apps.get_model(label)
        post_save.connect(renew, sender=model, dispatch_uid=f"printing-renew-{label}-save")
        post_delete.connect(renew, sender=model, dispatch_uid=f"printing-renew-{label}-delete")
