"""The six Beneficiaries and the reference taxonomies (settings, themes, target groups)."""

import json
from pathlib import Path

from languages.fields import set_translated
from practices.models import Beneficiary, Setting, TargetGroup, Theme

DATA = Path(__file__).resolve().parent / "taxonomies.json"

TERM_MODELS = {"settings": Setting, "themes": Theme, "target_groups": TargetGroup}


def ensure_taxonomies():
    """Creates the Beneficiaries and terms that do not exist yet; existing ones keep their names."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    created = 0
    for item in data["beneficiaries"]:
        if not Beneficiary.objects.filter(code=item["code"]).exists():
            beneficiary = Beneficiary(code=item["code"], native_name=item.get("native_name", ""))
            set_translated(beneficiary, "name", item["name"])
            beneficiary.save()
            created += 1
    for key, model in TERM_MODELS.items():
        for item in data[key]:
            if not model.objects.filter(slug=item["slug"]).exists():
                term = model(slug=item["slug"])
                set_translated(term, "name", item["name"])
                term.save()
                created += 1
    return created
