"""What search indexes of publications: the type `publication` (its title, abstract and
authors), and each page of its files as a result of its own (docs/publications.md)."""

from practices.search_types import BENEFICIARY, CONTENT_PAGE
from searchable import Part, SearchableType, register


def file_pages(page):
    """Every page of text of the publication's files, in the file's language, linking to the
    file opened at that page (`#page=N`: PDF viewers open there; other files open at the start)."""
    from publications.models import DocumentPage

    files = list(page.files.select_related("document"))
    texts = DocumentPage.objects.filter(document__in=[item.document_id for item in files]).values_list(
        "document_id", "page_number", "text"
    )
    by_document = {}
    for document_id, number, text in texts:
        by_document.setdefault(document_id, []).append((number, text))
    return [
        Part(
            key=f"{item.pk}-{number}",
            language=item.language,
            text=text,
            url=f"{item.document.url}#page={number}",
            number=number,
        )
        for item in files
        for number, text in by_document.get(item.document_id, [])
    ]


def publications_using(extracted):
    """Ids of the live publications holding the document whose text was just extracted."""
    from publications.models import PublicationPage

    pages = PublicationPage.objects.live().filter(files__document_id=extracted.document_id)
    return list(pages.values_list("pk", flat=True).distinct())


register(
    SearchableType(
        "publications.PublicationPage",
        summary="abstract",
        body=("authors",),
        facets=(BENEFICIARY,),
        year="year",
        parts=file_pages,
        depends_on=("publications.DocumentText",),
        dependents=publications_using,
        **CONTENT_PAGE,
    )
)
