"""Who made a change that is waiting for approval: they may not approve or publish it."""

from django.contrib.auth import get_user_model


def change_authors(obj):
    """The users who wrote the object's revisions since it was last published, and who submitted
    it for review: the change is theirs, whoever of them saved last."""
    revisions = obj.revisions.all()
    live_revision_id = getattr(obj, "live_revision_id", None)
    if live_revision_id:
        revisions = revisions.filter(pk__gt=live_revision_id)
    user_ids = set(revisions.exclude(user=None).values_list("user_id", flat=True))
    workflow_state = obj.current_workflow_state
    if workflow_state is not None and workflow_state.requested_by_id:
        user_ids.add(workflow_state.requested_by_id)
    return user_ids


def is_author(obj, user):
    return user.is_authenticated and user.pk in change_authors(obj)


def authors(obj):
    return get_user_model().objects.filter(pk__in=change_authors(obj))
