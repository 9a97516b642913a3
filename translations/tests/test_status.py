"""Status detection: per field, per language, against the source text each translation was made from."""

import pytest

from practices.models import PracticePage, Theme
from translations.models import TranslationRecord
from translations.status import CURRENT, MISSING, OUTDATED, object_rows

pytestmark = pytest.mark.django_db

SLUG = "al-returnees-women-children"  # English source, translated into every language


def page():
    return PracticePage.objects.get(record_slug=SLUG)


def statuses(obj, language):
    (row,) = object_rows(obj, [language])
    return row.fields


def publish(obj):
    obj.save_revision().publish()


def test_demo_translations_count_as_current_at_first_sight():
    fields = statuses(page(), "sq")
    assert fields["summary"] == CURRENT
    assert fields["title"] == CURRENT


def test_editing_the_english_summary_outdates_the_albanian_summary_only():
    practice = page()
    practice.summary_en = "A new English summary of the programme."
    publish(practice)

    fields = statuses(page(), "sq")
    assert fields["summary"] == OUTDATED
    assert fields["title"] == CURRENT
    assert fields["problem"] == CURRENT


def test_updating_the_albanian_summary_makes_it_current_again():
    practice = page()
    practice.summary_en = "A new English summary of the programme."
    publish(practice)
    practice = page()
    practice.summary_sq = "Një përmbledhje e re."
    publish(practice)

    assert statuses(page(), "sq")["summary"] == CURRENT
    assert statuses(page(), "bs")["summary"] == OUTDATED  # the Bosnian one was not updated


def test_an_emptied_translation_is_missing():
    practice = page()
    practice.summary_bs = ""
    publish(practice)
    assert statuses(page(), "bs")["summary"] == MISSING


def test_a_draft_counts_like_a_publication():
    """Status follows the latest revision: a translator's saved draft is what she works on."""
    practice = page()
    practice.problem_en = "The problem, rewritten in a draft."
    practice.save_revision()
    assert statuses(page(), "hr")["problem"] == OUTDATED


def test_a_source_edited_back_to_the_translated_version_is_current_again():
    practice = page()
    original = practice.summary_en
    practice.summary_en = "Temporarily different."
    publish(practice)
    practice = page()
    practice.summary_en = original
    publish(practice)
    assert statuses(page(), "sq")["summary"] == CURRENT


def test_snippet_source_change_outdates_its_translations():
    theme = Theme.objects.exclude(name_sq="").first()
    theme.name_en = theme.name_en + " (revised)"
    theme.save()
    assert statuses(theme, "sq")["name"] == OUTDATED
    theme.name_sq = theme.name_sq + " (rishikuar)"
    theme.save()
    assert statuses(theme, "sq")["name"] == CURRENT


def test_the_source_language_of_a_page_is_its_original_language():
    serbian = PracticePage.objects.get(record_slug="rs-postpenal-employment-novi-pazar")
    languages = {row.language for row in object_rows(serbian)}
    assert "sr" not in languages and "en" in languages
    assert all(status == MISSING for row in object_rows(serbian) for status in row.fields.values())


def test_records_say_who_changed_a_translation(django_user_model):
    editor = django_user_model.objects.create_user("ana", password="x")
    practice = page()
    practice.results_sq = "Rezultate të reja."
    practice.save_revision(user=editor).publish()
    record = TranslationRecord.objects.get(object_id=str(practice.pk), field="results", language="sq")
    assert record.updated_by == editor
