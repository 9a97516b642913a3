"""Restricting pages and documents to Verified professionals (Wagtail's view restrictions)."""

from roles import VERIFIED_PROFESSIONALS


def verified_group():
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=VERIFIED_PROFESSIONALS)
    return group


def restrict_to_verified(page, restricted):
    """Limit a page to Verified professionals (Wagtail's group view restriction), or lift it."""
    from wagtail.models import PageViewRestriction

    existing = PageViewRestriction.objects.filter(page=page)
    if not restricted:
        existing.delete()
        return
    restriction = existing.first() or PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([verified_group()])


def restricted_collection():
    """Documents for verified professionals only live in this collection (Wagtail's
    collection privacy), so their download URLs refuse anonymous visitors."""
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.objects.filter(name=VERIFIED_PROFESSIONALS).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=VERIFIED_PROFESSIONALS)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set([verified_group()])
    return collection
