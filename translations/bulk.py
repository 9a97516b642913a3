"""Snippet collections exported and imported in bulk, as XLIFF 2.0 or PO, with the
translation memory's proposals: what the "Snippets" admin page and the export_snippets /
import_snippets commands do."""

from django.utils.translation import gettext as _

from translations.memory import memory_for
from translations.po import export_po, import_po
from translations.scoping import editable_languages
from translations.snippet_collections import all_collection_models, collection_objects
from translations.xliff import XliffError, build_export, import_xliff

FORMATS = {"xliff": (build_export, "xlf"), "po": (export_po, "po")}
BYTE_ORDER_MARK = b"\xef\xbb\xbf"


def export_collection(collection, target, file_format, user=None):
    """(Export, file name) of a collection in `target`; a user exports only her languages."""
    if user is not None and target not in editable_languages(user):
        raise XliffError(
            _("You may not change the %(language)s texts: it is not one of your languages.") % {"language": target}
        )
    export, extension = FORMATS[file_format]
    result = export(collection_objects(collection), target, memory=memory_for(target))
    return result, f"{collection}-{target}.{extension}"


def import_collection_file(data, user=None):
    """Import an XLIFF or PO file of snippets (told apart by their first character); it may
    change the collections' snippets only."""
    models = all_collection_models()
    if data.removeprefix(BYTE_ORDER_MARK).lstrip().startswith(b"<"):
        return import_xliff(data, user=user, models=models)
    return import_po(data, user=user, models=models)
