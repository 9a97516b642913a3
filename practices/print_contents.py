"""The tables of contents of the guides' and the screening tool's PDFs (printing/).

Each entry points at an id in the page's own template (the same HTML the page serves), and
its label is what the reader sees there: step titles through the page's fallback and Serbian
script, section headings in the interface language.
"""

from django.utils.translation import gettext as _

from languages.i18n import localized
from printing.contents import Entry


def guide_contents(page):
    steps = localized(page, "steps") or []
    entries = [Entry(f"step-{number}", step.value["title"]) for number, step in enumerate(steps, 1)]
    if page.annexes.exists():
        entries.append(Entry("annexes", _("Annexes")))
    return entries


def screening_tool_contents(page):
    entries = [
        Entry("purpose", _("Purpose")),
        Entry("who-may-use", _("Who may use it")),
        Entry("what-it-is-not", _("What it is not")),
        Entry("how-to-observe", _("How to observe")),
        Entry("indicators", _("Indicators")),
    ]
    entries += [Entry(f"domain-{domain.slug}", localized(domain, "name"), 2) for domain in page.domains()]
    entries += [
        Entry("referral-pathways", _("Referral pathways")),
        Entry("recording-confidentiality", _("Recording and confidentiality")),
        Entry("training", _("Training")),
    ]
    if page.version_history.exists():
        entries.append(Entry("version-history", _("Version history")))
    return entries
