"""Who may download a publication's file: whoever may see one live publication that holds it.

Wagtail's own check (collection privacy) protects documents in the restricted collection; this
one follows the page itself, so a file whose publication was restricted, unpublished or
deleted after upload never leaks through its direct URL, whatever collection it is in."""

from roles.restrictions import visible_to


def may_download(user, document):
    from publications.models import PublicationPage

    holders = PublicationPage.objects.filter(files__document=document).distinct()
    if not holders.exists():
        return True  # not a publication's file: Wagtail's own rules apply
    if user.has_perm("wagtailadmin.access_admin"):
        return True  # editors check files before and after publishing
    return visible_to(user, holders.live()).exists()


def sync_collection(page):
    """Put a publication's files in the restricted collection when the page is restricted,
    so that the admin shows them as private too (and Wagtail's own check applies)."""
    from wagtail.models import Collection

    from practices.access import restricted_collection

    restricted = page.get_view_restrictions().exists()
    collection = restricted_collection() if restricted else Collection.get_first_root_node()
    for item in page.files.select_related("document"):
        if item.document.collection_id != collection.pk:
            item.document.collection = collection
            item.document.save(update_fields=["collection"])
