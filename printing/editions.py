"""Which version and date a printed page states: what a reader compares two print-outs by."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Edition:
    version: str  # the editors' version ("1.0"), else "" and `revision` identifies the text
    revision: int | None  # the live revision: exactly which text was printed
    date: date | None


def edition(page):
    """Guides and the screening tool carry an editors' version and edition date; other pages
    (practices, indexes) are dated by their last review or publication."""
    version = getattr(page, "version", "") or ""
    when = getattr(page, "edition_date", None) or getattr(page, "last_reviewed", None)
    history = getattr(page, "version_history", None)
    if when is None and version and history is not None:
        entry = history.filter(version=version).order_by("-date").first()
        when = entry.date if entry else None
    if when is None and getattr(page, "last_published_at", None):
        when = page.last_published_at.date()
    return Edition(version=version, revision=getattr(page, "live_revision_id", None), date=when)
