"""Pages of several types as one list, newest first then by id, read a page at a time.

A listing of one type is a queryset; news and events are two (their dates are in their own
tables). A `Paginator` slices this instead: for the page asked for, each type gives only the
dates and ids of its first rows up to that page's end, and only that page's pages are loaded.
"""


class NewestFirst:
    def __init__(self, parts):
        """`parts`: (queryset, its date field, relations to prefetch) per type, each filtered."""
        self.parts = parts

    def count(self):
        return sum(pages.count() for pages, _date, _relations in self.parts)

    def __getitem__(self, window):
        if len(self.parts) == 1:
            # Only the ids are sorted and skipped, then the page's rows loaded: sorting whole rows
            # to skip 10 000 of them spilled 55 MB to disk at 20 000 practices (docs/performance.md).
            pages, date, relations = self.parts[0]
            ids = list(ordered(pages, date).values_list("pk", flat=True)[window])
            loaded = {page.pk: page for page in pages.filter(pk__in=ids).prefetch_related(*relations)}
            return [loaded[pk] for pk in ids if pk in loaded]
        keys = []
        for number, (pages, date, _relations) in enumerate(self.parts):
            rows = ordered(pages, date).values_list(date, "pk")[: window.stop]
            keys += [(day, pk, number) for day, pk in rows]
        keys = sorted(keys, reverse=True)[window]
        loaded = {}
        for number, (pages, _date, relations) in enumerate(self.parts):
            ids = [pk for _day, pk, part in keys if part == number]
            loaded |= {(page.pk, number): page for page in pages.filter(pk__in=ids).prefetch_related(*relations)}
        return [loaded[pk, number] for _day, pk, number in keys if (pk, number) in loaded]


def ordered(pages, date):
    return pages.order_by(f"-{date}", "-pk")
