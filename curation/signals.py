from django.db.models.signals import post_delete, post_save


def connect():
    """Synonyms and picks are kept per process: an edit renews them in every process (versions.py)."""
    from curation import picks, synonyms
    from curation.models import Pick, Synonym

    for model, module in ((Synonym, synonyms), (Pick, picks)):
        name = model._meta.model_name
        post_save.connect(module.clear_cache, sender=model, dispatch_uid=f"curation-{name}-saved")
        post_delete.connect(module.clear_cache, sender=model, dispatch_uid=f"curation-{name}-deleted")
