"""Sections that exist once under the home page with the same slug in every language (news,
the library, the results page): created and published on first need, found afterwards."""

from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles, set_translated


def ensure_section(model, parent, slug, texts):
    """The one live `model` page, created and published under `parent` if missing, with `slug`
    in every language (a URL contract: `/<lang>/<slug>/`); `texts` holds its `title` and
    `intro` as {language: text}."""
    page = model.objects.first()
    if page is not None:
        return page
    page = model()
    set_page_titles(page, texts["title"])
    for language in LANGUAGE_CODES:
        setattr(page, build_localized_fieldname("slug", language), slug)
    set_translated(page, "intro", texts["intro"])
    parent.add_child(instance=page)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)
