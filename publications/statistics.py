"""Figures of the library for the results page (the `results` app's "publications and their
downloads" chart): read-only, no personal data (downloads are counts per file)."""

from django.db.models import Count, Sum
from django.db.models.functions import Coalesce

from publications.models import PublicationPage


def downloads_by_publication(user=None):
    """[{"publication": page, "title": its title as the visitor reads it, "type": its type's
    label, "year", "files": number of files, "downloads": downloads of all its files}] of
    the live publications, most downloaded first. With `user`, only what she may see; without,
    public publications only (the results page is public)."""
    from roles.restrictions import visible_to

    pages = PublicationPage.objects.live()
    pages = visible_to(user, pages) if user is not None else pages.public()
    rows = pages.annotate(total=Coalesce(Sum("files__downloads"), 0), file_count=Count("files"))
    rows = rows.order_by("-total", "title")
    return [
        {
            "publication": page,
            "title": page.localized_value("title"),
            "type": page.get_publication_type_display(),
            "year": page.year,
            "files": page.file_count,
            "downloads": page.total,
        }
        for page in rows
    ]
