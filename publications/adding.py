"""A publication made from one file (add_publication, the demo): the file uploaded as a
document (its text extracted), the page created in the library, published or left a draft."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, Site

from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles
from languages.pages import ascii_slug
from practices.access import restrict_to_verified, restricted_collection
from practices.models import Beneficiary
from publications import extraction
from publications.models import PublicationFile, PublicationPage, PublicationType
from publications.setup import ensure_library


class Refused(ValueError):
    """What is wrong with the request, in words for whoever typed the command, in the active
    language (the catalogues hold them)."""


@dataclass
class NewPublication:
    path: Path
    language: str
    title: str
    type: str = PublicationType.REPORT
    beneficiaries: list = field(default_factory=list)
    restricted: bool = False
    publish: bool = False
    date: datetime.date | None = None
    authors: str = ""
    abstract: str = ""
    slug: str = ""

    def check(self):
        if not self.path.is_file():
            raise Refused(_("%(file)s: no such file") % {"file": self.path})
        if extraction.kind_of(self.path.name) is None:
            raise Refused(_("%(file)s: not a PDF, DOCX or ODT file") % {"file": self.path.name})
        if self.language not in LANGUAGE_CODES:
            choices = ", ".join(LANGUAGE_CODES)
            message = _("unknown language '%(value)s'; one of %(choices)s")
            raise Refused(message % {"value": self.language, "choices": choices})
        if self.type not in PublicationType.values:
            choices = ", ".join(PublicationType.values)
            message = _("unknown type '%(value)s'; one of %(choices)s")
            raise Refused(message % {"value": self.type, "choices": choices})
        if not self.title.strip():
            raise Refused(_("the title is empty"))
        known = set(Beneficiary.objects.filter(code__in=self.beneficiaries).values_list("code", flat=True))
        unknown = sorted(set(self.beneficiaries) - known)
        if unknown:
            codes = ", ".join(Beneficiary.objects.values_list("code", flat=True))
            message = _("unknown Beneficiary %(value)s; one of %(choices)s")
            raise Refused(message % {"value": ", ".join(unknown), "choices": codes})


@transaction.atomic
def add_publication(new, files=()):
    """Create the publication `new` describes; `files` adds more (path, language) pairs
    (the demo's other languages). Returns the page (live if `new.publish`)."""
    new.check()
    page = PublicationPage(
        original_language=new.language,
        publication_type=new.type,
        date=new.date or datetime.date.today(),
        authors=new.authors,
        record_slug=new.slug or None,
        live=False,  # until published: a draft is never served nor searched
    )
    set_page_titles(page, {new.language: new.title})
    setattr(page, f"abstract_{new.language.replace('-', '_')}", new.abstract)
    page.slug_en = new.slug or ascii_slug(new.title)
    library = ensure_library(Site.objects.get(is_default_site=True).root_page)
    collection = restricted_collection() if new.restricted else Collection.get_first_root_node()
    for number, (path, language) in enumerate([(new.path, new.language), *files]):
        page.files.add(PublicationFile(document=upload(path, collection), language=language, sort_order=number))
    page.beneficiaries.set(Beneficiary.objects.filter(code__in=new.beneficiaries))
    library.add_child(instance=page)
    restrict_to_verified(page, new.restricted)
    revision = page.save_revision()
    if new.publish:
        revision.publish()
    return PublicationPage.objects.get(pk=page.pk)


def upload(path, collection):
    """A Wagtail document of the file; its text is extracted when the transaction commits."""
    document_model = get_document_model()
    with path.open("rb") as handle:
        document = document_model(title=path.stem.replace("-", " "), collection=collection)
        document.file.save(path.name, File(handle), save=False)
        document._set_document_file_metadata()
        try:
            document.full_clean()
        except ValidationError as error:
            raise Refused(f"{path.name}: {'; '.join(error.messages)}") from error
        document.save()
    return document
