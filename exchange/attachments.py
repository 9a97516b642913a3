"""Attachments of a shared practice: the type is read from the file's content, not its name."""

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 20 * 1024 * 1024
# What `filetype` recognises by magic bytes: PDF, DOCX, ODT and common images.
ALLOWED = {"pdf", "docx", "odt", "jpg", "png", "gif", "webp"}


def check(upload):
    if upload.size > MAX_BYTES:
        raise ValidationError(_("%(name)s is larger than 20 MB."), code="too_large", params={"name": upload.name})
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.extension not in ALLOWED:
        raise ValidationError(
            _("%(name)s is not a PDF, DOCX, ODT or image file."), code="wrong_type", params={"name": upload.name}
        )
