"""XLIFF 2.0 export and import against the demo content."""

import re
from xml.etree import ElementTree as ET

import pytest
from django.utils import translation

from practices.models import GuidePage, PracticePage, Theme
from translations.inline import XLIFF_NS
from translations.status import CURRENT, OUTDATED, object_rows
from translations.xliff import XliffError, export_xliff, import_xliff

pytestmark = pytest.mark.django_db
NS = {"x": XLIFF_NS}
PUBLIC_ALBANIAN = "al-vocational-training-fushe-kruje"


def practice(slug="xk-risk-assessment-protocol-kcs"):  # English, translated into Albanian only
    return PracticePage.objects.get(record_slug=slug)


def fill_targets(data, translate=lambda source: f"[bs] {source}"):
    """What a CAT tool does: a target for every unit, inline codes copied from the source."""
    root = ET.fromstring(data)
    for segment in root.iter(f"{{{XLIFF_NS}}}segment"):
        source = segment.find("x:source", NS)
        target = segment.find("x:target", NS)
        if target is not None:
            segment.remove(target)
        target = ET.fromstring(ET.tostring(source))
        target.tag = f"{{{XLIFF_NS}}}target"
        for element in target.iter():
            if (element.text or "").strip():
                element.text = translate(element.text)
            if element is not target and (element.tail or "").strip():
                element.tail = translate(element.tail)
        segment.append(target)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def snapshot(page):
    page = PracticePage.objects.get(pk=page.pk)
    return {
        name: getattr(page, name) for name in ("title_sq", "summary_sq", "approach_sq", "title_bs", "summary_bs")
    }, page.revisions.count()


def test_export_names_the_object_its_languages_and_every_field():
    page = practice()
    root = ET.fromstring(export_xliff([page], "bs"))
    assert root.get("version") == "2.0" and root.get("srcLang") == "en" and root.get("trgLang") == "bs"
    (file_element,) = root.findall("x:file", NS)
    assert file_element.get("id") == f"practices.practicepage.{page.pk}"
    units = {unit.get("id") for unit in file_element.findall("x:unit", NS)}
    assert {"title", "summary", "problem", "approach"} <= units
    summary = file_element.find("x:unit[@id='summary']/x:segment/x:source", NS)
    assert summary.text == page.summary_en


def test_export_writes_xliff_as_the_default_namespace_whatever_other_libraries_registered():
    # WeasyPrint (printing/) maps the empty prefix to no namespace when it is imported; exports
    # written after that once came out as <ns0:xliff>, which the portal's own tools and CAT
    # tools' find-and-replace steps did not expect.
    ET.register_namespace("", "")
    data = export_xliff([practice()], "bs")
    assert data.split(b"?>", 1)[1].lstrip().startswith(f'<xliff xmlns="{XLIFF_NS}"'.encode())
    assert b"ns0:" not in data


def test_untouched_round_trip_changes_nothing():
    page = practice()
    before = snapshot(page)
    result = import_xliff(export_xliff([page], "sq"))
    assert result.changed == [] and result.unchanged == 1
    assert snapshot(page) == before


def test_import_fills_the_target_marks_it_current_and_the_published_page_shows_it(client):
    page = practice(PUBLIC_ALBANIAN)  # public, written in Albanian, no Bosnian yet
    assert all(status == "missing" for status in object_rows(page, ["bs"])[0].fields.values())
    result = import_xliff(fill_targets(export_xliff([page], "bs")), publish=True)
    assert len(result.changed) == 1
    page = practice(PUBLIC_ALBANIAN)
    assert page.summary_bs == f"[bs] {page.summary_sq}"
    (row,) = object_rows(page, ["bs"])
    assert set(row.fields.values()) == {CURRENT}
    with translation.override("bs"):
        response = client.get(page.get_url())
    assert response.status_code == 200
    assert f"[bs] {page.title_sq}" in response.content.decode()


def test_import_without_publishing_leaves_a_draft_and_the_public_page_unchanged():
    page = practice()
    import_xliff(fill_targets(export_xliff([page], "bs")))
    live = practice()
    assert not live.summary_bs
    assert live.has_unpublished_changes
    assert live.get_latest_revision_as_object().summary_bs.startswith("[bs] ")
    assert set(object_rows(live, ["bs"])[0].fields.values()) == {CURRENT}


def test_a_stale_source_is_rejected_and_nothing_changes():
    page = practice()
    data = fill_targets(export_xliff([page], "bs"))
    page.summary_en = "The summary was rewritten after the export."
    page.save_revision().publish()
    before = snapshot(page)
    with pytest.raises(XliffError, match="source text changed since export"):
        import_xliff(data)
    assert snapshot(page) == before


def test_a_file_for_another_page_is_rejected():
    page, other = practice(), practice("al-returnees-women-children")
    data = fill_targets(export_xliff([page], "bs")).decode()
    data = data.replace(f'id="practices.practicepage.{page.pk}"', f'id="practices.practicepage.{other.pk}"')
    before = snapshot(other)
    with pytest.raises(XliffError, match="another object"):
        import_xliff(data.encode())
    assert snapshot(other) == before


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<xliff version='2.0'><file", "not well-formed XML"),
        (b"<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'/>", "not an XLIFF 2.0 file"),
        (f"<xliff xmlns='{XLIFF_NS}' version='2.0' srcLang='en' trgLang='de'/>".encode(), "languages"),
        (
            (
                f"<xliff xmlns='{XLIFF_NS}' version='2.0' srcLang='en' trgLang='bs'>"
                "<file id='practices.practicepage.999999'/></xliff>"
            ).encode(),
            "no such page",
        ),
    ],
)
def test_malformed_or_mismatched_files_are_rejected(data, message):
    with pytest.raises(XliffError, match=message):
        import_xliff(data)


def test_one_bad_file_rejects_the_whole_import():
    page, theme = practice(), Theme.objects.first()
    data = fill_targets(export_xliff([page, theme], "bs")).decode()
    data = re.sub(r'(<unit id="name".*?<mda:meta type="source-digest">)\w+', r"\1deadbeef", data, flags=re.S)
    before, name = snapshot(page), Theme.objects.get(pk=theme.pk).name_bs
    with pytest.raises(XliffError):
        import_xliff(data.encode())
    assert snapshot(page) == before
    assert Theme.objects.get(pk=theme.pk).name_bs == name


def test_rich_text_markup_survives_as_inline_codes():
    page = practice()
    page.approach_en = (
        '<p>Use <b>bold</b>, <i>italic</i> and <a href="https://example.org/x?a=1&amp;b=2">a link</a>.</p>'
    )
    page.save_revision().publish()
    data = export_xliff([practice()], "bs")
    approach = ET.fromstring(data).find(".//x:unit[@id='approach']", NS)
    source = approach.find("x:segment/x:source", NS)
    assert [code.tag.split("}")[1] for code in source.iter() if code is not source] == ["pc", "pc", "pc", "pc"]
    originals = {item.text for item in approach.findall("x:originalData/x:data", NS)}
    assert {"<b>", "</b>", "<i>", '<a href="https://example.org/x?a=1&amp;b=2">', "</a>"} <= originals

    import_xliff(fill_targets(data, translate=lambda text: text.replace("Use", "Koristite")), publish=True)
    assert practice().approach_bs == (
        '<p>Koristite <b>bold</b>, <i>italic</i> and <a href="https://example.org/x?a=1&amp;b=2">a link</a>.</p>'
    )
    assert import_xliff(export_xliff([practice()], "bs")).changed == []


def test_stream_field_steps_are_units_and_come_back_into_the_target_stream():
    guide = GuidePage.objects.first()
    language = "mk"
    guide.steps_mk = []
    guide.save_revision().publish()
    guide = GuidePage.objects.get(pk=guide.pk)
    data = export_xliff([guide], language)
    units = [unit.get("id") for unit in ET.fromstring(data).iter(f"{{{XLIFF_NS}}}unit")]
    assert "steps.0.title" in units and "steps.0.body" in units

    import_xliff(fill_targets(data, translate=lambda text: f"МК {text}"), publish=True)
    guide = GuidePage.objects.get(pk=guide.pk)
    assert len(guide.steps_mk) == len(guide.steps_en)
    assert guide.steps_mk[0].value["title"] == f"МК {guide.steps_en[0].value['title']}"
    assert object_rows(guide, [language])[0].fields["steps"] == CURRENT
    assert import_xliff(export_xliff([guide], language)).changed == []


def test_import_updates_an_outdated_translation_to_current():
    page = practice()
    page.summary_en = "A revised English summary."
    page.save_revision().publish()
    assert object_rows(practice(), ["sq"])[0].fields["summary"] == OUTDATED
    import_xliff(fill_targets(export_xliff([practice()], "sq"), translate=lambda text: f"SQ {text}"), publish=True)
    assert object_rows(practice(), ["sq"])[0].fields["summary"] == CURRENT


def test_a_snippet_round_trip_writes_and_marks_current():
    theme = Theme.objects.first()
    import_xliff(fill_targets(export_xliff([theme], "hr"), translate=lambda text: f"HR {text}"))
    theme = Theme.objects.get(pk=theme.pk)
    assert theme.name_hr == f"HR {theme.name_en}"
    assert object_rows(theme, ["hr"])[0].fields["name"] == CURRENT


def test_mixed_source_languages_need_separate_files():
    with pytest.raises(XliffError, match="same source language"):
        export_xliff([practice(), practice("rs-postpenal-employment-novi-pazar")], "bs")
