"""Montenegrin gets Django's and Wagtail's own strings (built by scripts/setup.sh)."""

import datetime

import pytest
from django import forms
from django.utils import formats, translation
from django.utils.translation import gettext

from languages import system_catalogues


@pytest.fixture(scope="module", autouse=True)
def built():
    path = system_catalogues.output_dir() / "cnr" / "LC_MESSAGES" / "django.mo"
    assert path.exists(), "run scripts/setup.sh (manage.py build_system_catalogues)"


class RequiredForm(forms.Form):
    name = forms.CharField()
    day = forms.DateField()


def in_language(language, message):
    with translation.override(language):
        return gettext(message)


def test_django_validation_messages_come_in_serbian_latin_for_montenegrin():
    with translation.override("cnr"):
        form = RequiredForm({"day": "not a date"})
        assert form.errors["name"] == ["Ovo polje se mora popuniti."]
        assert form.errors["day"] == ["Unesite ispravan datum."]
    assert in_language("sr-latn", "This field is required.") == "Ovo polje se mora popuniti."


def test_wagtail_admin_strings_come_in_the_closest_language_for_montenegrin():
    assert in_language("cnr", "Dashboard") == "Kontrolna ploča"  # Wagtail has it in hr_HR only
    assert in_language("cnr", "Pages") == "Stranice"
    assert in_language("cnr", "Editing") == "Izmene"  # Wagtail's (Latin) sr catalogue


def test_dates_are_montenegrin():
    with translation.override("cnr"):
        assert formats.date_format(datetime.date(2026, 1, 15), "DATE_FORMAT") == "15. januar 2026."


def test_other_languages_are_unaffected():
    assert in_language("en", "This field is required.") == "This field is required."
    assert in_language("en", "Dashboard") == "Dashboard"
    assert in_language("sr-latn", "Dashboard") == "Dashboard"  # Wagtail ships no Serbian Latin admin
    assert in_language("sr", "This field is required.") == "Ово поље се мора попунити."


def test_the_portals_own_montenegrin_strings_win():
    assert in_language("cnr", "All") == "Sve"  # Django's sr_Latn says "Svi"
    assert in_language("cnr", "Filter") == "Filtriraj"


@pytest.mark.django_db
def test_wagtail_admin_dashboard_in_montenegrin(client, django_user_model):
    user = django_user_model.objects.create_superuser("urednica", "u@example.org", "x")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "cnr"
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "Kontrolna ploča" in html
