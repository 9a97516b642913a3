"""Descendants' URL paths rewritten in the database when a page's URL path changes.

wagtail-modeltranslation's version loads every descendant into Python once per language and
writes them back: renaming a section with 2 000 practices took 25 s (docs/performance.md). Here
it is one UPDATE per language, whatever the number of descendants.
"""

from django.db.models import TextField, Value
from django.db.models.functions import Concat, Substr
from modeltranslation.utils import build_localized_fieldname


def update_descendant_url_paths(page, old_url_path, new_url_path, language=None):
    """The same rows and values as the patch's `_localized_update_descendant_url_paths`."""
    from wagtail.models import Page

    field = build_localized_fieldname("url_path", language) if language else "url_path"
    renamed = Concat(Value(new_url_path), Substr(field, len(old_url_path) + 1), output_field=TextField())
    descendants = Page.objects.rewrite(False).filter(path__startswith=page.path).exclude(pk=page.pk)
    descendants.filter(**{f"{field}__startswith": old_url_path}).update(**{field: renamed})
