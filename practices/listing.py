"""The practice listing's filters (by Beneficiary, theme, setting, target group)."""

from practices.models import Beneficiary, PracticePage, Setting, TargetGroup, Theme
from roles import is_verified_professional


class PracticeFilter:
    FACETS = (
        ("beneficiary", Beneficiary, "beneficiaries__code", "code"),
        ("theme", Theme, "themes__slug", "slug"),
        ("setting", Setting, "setting__slug", "slug"),
        ("target_group", TargetGroup, "target_groups__slug", "slug"),
    )

    def __init__(self, params, request, parent):
        self.params = params
        self.request = request
        self.parent = parent

    def selected(self, name):
        return self.params.get(name, "")

    def options(self):
        return [
            {"name": name, "choices": model.objects.all(), "key": key, "selected": self.selected(name)}
            for name, model, _lookup, key in self.FACETS
        ]

    def practices(self):
        qs = PracticePage.objects.child_of(self.parent).live()
        if not is_verified_professional(self.request.user):
            qs = qs.public()
        for name, _model, lookup, _key in self.FACETS:
            value = self.selected(name)
            if value:
                qs = qs.filter(**{lookup: value})
        return (
            qs.distinct()
            .prefetch_related("beneficiaries", "themes")
            .select_related("setting")
            .order_by("-first_published_at")
        )
