from django.db.models.signals import post_delete, post_save


def connect():
    from curation import synonyms
    from curation.models import Synonym

    post_save.connect(synonyms.clear_cache, sender=Synonym, dispatch_uid="curation-synonyms-saved")
    post_delete.connect(synonyms.clear_cache, sender=Synonym, dispatch_uid="curation-synonyms-deleted")
