"""Sections that exist once under the home page with the same slug in every language (news,
the library, the results page): created and published on first need, found afterwards.

`setup_portal` (home) sends `sections_needed` with the home page; each app that owns such a
section connects a receiver that ensures it, so a production site has them without the demo
loader, and home imports none of those apps (they are its siblings in the layers).
"""

from django.dispatch import Signal
from modeltranslation.utils import build_localized_fieldname

from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles, set_translated

# Sent with `home` (the site's home page); each receiver returns the section page it ensured.
sections_needed = Signal()


def ensure_own_sections(home):
    """Every section the apps own, created under `home` if missing: {page's model name: page}."""
    pages = [page for _, page in sections_needed.send(sender=None, home=home)]
    return {page._meta.model_name: page for page in pages}


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
