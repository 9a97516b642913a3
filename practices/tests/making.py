"""Practices made for a test: more of them than the demo has, where a test needs a corpus that
grows (pagination, counts, pages that must not load their siblings)."""

from practices.models import PracticeIndexPage, PracticePage


def add_practices(count, title="Extra practice", slug="extra"):
    """`count` live practices under the practice index, "`title` N" at "`slug`-N"; their pages."""
    index = PracticeIndexPage.objects.get()
    return [
        index.add_child(instance=PracticePage(title_en=f"{title} {number}", slug_en=f"{slug}-{number}"))
        for number in range(count)
    ]
