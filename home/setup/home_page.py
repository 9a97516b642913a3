"""The home page (texts in home.json, all 8 languages) and the default site that serves it."""

import json
from pathlib import Path

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from home.models import HomePage
from languages.codes import LANGUAGE_CODES
from languages.fields import set_page_titles, set_translated
from practices.importing import paragraphs_to_html

DATA = Path(__file__).resolve().parent / "home.json"


def ensure_home_page():
    """The home page, created and published if missing, and the default site's root."""
    home = HomePage.objects.first() or create_home_page()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, site_name="Portal", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        # The site keeps the host name an administrator gave it; only its root changes.
        site.root_page = home
        site.save()
    return home


def create_home_page():
    # Wagtail's initial migration leaves a placeholder "Welcome" page; the portal replaces it.
    Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk")).delete()
    translations = json.loads(DATA.read_text(encoding="utf-8"))["translations"]
    home = HomePage()
    set_page_titles(home, {code: texts["title"] for code, texts in translations.items()})
    for language in LANGUAGE_CODES:
        setattr(home, build_localized_fieldname("slug", language), "home")
    set_translated(home, "intro", {code: texts.get("intro", "") for code, texts in translations.items()})
    set_translated(
        home, "body", {code: paragraphs_to_html(texts.get("body", "")) for code, texts in translations.items()}
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)
