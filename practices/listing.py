"""The practice listing's filters: the facets the practice type declares for search
(practices/search_types.py), applied to the database."""

import searchable
from roles.restrictions import visible_to


class PracticeFilter:
    def __init__(self, params, user, pages):
        """`pages`: the listing's live practices, before any filter."""
        self.params = params
        self.user = user
        self.pages = pages
        self.declaration = searchable.type_for(pages.model)

    def selected(self, facet):
        return self.params.get(facet.param, "")

    def options(self):
        model = self.declaration.model
        return [
            {
                "name": facet.param,
                "label": facet.label,
                "selected": self.selected(facet),
                "choices": [
                    (str(getattr(term, facet.key)), facet.option_label(term)[0])
                    for term in facet.term_model(model).objects.all()
                ],
            }
            for facet in self.declaration.facets
        ]

    def practices(self):
        # As Wagtail decides for this user: a group restriction opens to its groups only, a
        # password restriction never through a list.
        pages = visible_to(self.user, self.pages)
        for facet in self.declaration.facets:
            value = self.selected(facet)
            if value:
                pages = pages.filter(**{f"{facet.relation}__{facet.key}": value})
        return (
            pages.distinct()
            .prefetch_related("beneficiaries", "themes")
            .select_related("setting")
            .order_by("-first_published_at")
        )
