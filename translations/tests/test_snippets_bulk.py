"""Snippet collections exported and imported in bulk (XLIFF 2.0 and PO), with the translation
memory's proposals, from the command line and the admin."""

import re
from xml.etree import ElementTree as ET

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from lxml import etree

from practices.models import GlossaryTerm, Setting, Theme
from roles import language_group_name
from translations.bulk import export_collection, import_collection_file
from translations.inline import XLIFF_NS
from translations.snippet_collections import COLLECTIONS, collection_objects
from translations.tests.test_xliff import fill_targets
from translations.tests.test_xliff_validity import okapi, okapi_rejections, schema  # noqa: F401 (fixtures)
from translations.xliff import XliffError

pytestmark = pytest.mark.django_db
NS = {"x": XLIFF_NS}


def translate_po(data, translate=lambda source: f"[mk] {source}", confirm=True):
    """What Poedit does: a translation for every entry; `confirm` clears "needs review"."""
    po = polib.pofile(data.decode("utf-8"))
    for entry in po:
        entry.msgstr = translate(entry.msgid)
        if confirm and entry.fuzzy:
            entry.flags.remove("fuzzy")
    return str(po).encode("utf-8")


def latest(obj):
    return obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj


def texts(collection, language):
    """{(object key, field): text in `language`} of every snippet of a collection, as last saved:
    the screening instrument's snippets keep an imported translation in a revision for review."""
    return {
        (obj._meta.label_lower, obj.pk, name): getattr(obj, f"{name}_{language}")
        for obj in map(latest, collection_objects(collection))
        for name in ("name", "term", "definition", "observable_signs", "contact")
        if hasattr(obj, f"{name}_{language}")
    }


@pytest.mark.parametrize("file_format", ["xliff", "po"])
@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_a_collection_round_trips_into_every_snippet(collection, file_format):
    export, name = export_collection(collection, "mk", file_format)
    assert name == f"{collection}-mk.{'xlf' if file_format == 'xliff' else 'po'}"
    translated = fill_targets(export.data, lambda text: f"[mk] {text}") if file_format == "xliff" else None
    translated = translated or translate_po(export.data)
    result = import_collection_file(translated)
    english, macedonian = texts(collection, "en"), texts(collection, "mk")
    assert len(result.changed) == len({key[:2] for key in english}) > 1
    assert all(macedonian[key] == f"[mk] {text}" for key, text in english.items() if text)


def test_snippet_exports_are_valid_for_the_schemas_and_okapi(schema, okapi, tmp_path):  # noqa: F811
    Theme.objects.create(slug="tm-probe", name_en=f"  {Setting.objects.first().name_en} ")  # a memory hit
    paths = []
    for collection in COLLECTIONS:
        for language in ("sq", "sr", "cnr"):
            path = tmp_path / f"{collection}-{language}.xlf"
            path.write_bytes(export_collection(collection, language, "xliff")[0].data)
            assert schema.validate(etree.parse(str(path))), (path.name, str(schema.error_log)[:300])
            paths.append(path)
    assert b'state="initial"><source' in (tmp_path / "taxonomies-sq.xlf").read_bytes().replace(b"\n", b"")
    assert okapi_rejections(okapi, paths) == {}


def test_memory_prefills_equal_sources_as_initial_and_counts_them():
    setting = Setting.objects.exclude(name_sq="").first()
    probe = Theme.objects.create(slug="tm-probe", name_en=f"\n{setting.name_en.replace(' ', '   ')} ")
    export, _name = export_collection("taxonomies", "sq", "xliff")
    root = ET.fromstring(export.data)
    unit = root.find(f"x:file[@id='practices.theme.{probe.pk}']/x:unit[@id='name']", NS)
    segment = unit.find("x:segment", NS)
    assert segment.get("state") == "initial" and segment.find("x:target", NS).text == setting.name_sq
    assert export.prefilled == 1
    assert "1 unit pre-filled from the translation memory" in export.data.decode()
    po = polib.pofile(export_collection("taxonomies", "sq", "po")[0].data.decode())
    entry = po.find(f"practices.theme.{probe.pk}|name", by="msgctxt")
    assert entry.fuzzy and entry.msgstr == setting.name_sq and "1 unit pre-filled" in po.header


def test_an_untouched_proposal_is_not_imported_until_confirmed():
    setting = Setting.objects.exclude(name_sq="").first()
    probe = Theme.objects.create(slug="tm-probe", name_en=setting.name_en)
    xliff = export_collection("taxonomies", "sq", "xliff")[0].data
    result = import_collection_file(xliff)
    assert not Theme.objects.get(pk=probe.pk).name_sq
    assert [(obj.pk, name) for obj, name in result.proposals] == [(probe.pk, "name")]
    po = export_collection("taxonomies", "sq", "po")[0].data
    import_collection_file(po)
    assert not Theme.objects.get(pk=probe.pk).name_sq
    import_collection_file(translate_po(po, translate=lambda text: setting.name_sq if text == setting.name_en else ""))
    assert Theme.objects.get(pk=probe.pk).name_sq == setting.name_sq
    probe.name_sq = ""
    probe.save()
    confirmed = re.sub(rb'state="initial"(>\s*<source[^>]*>[^<]*</source>\s*<target)', rb'state="translated"\1', xliff)
    import_collection_file(confirmed)
    assert Theme.objects.get(pk=probe.pk).name_sq == setting.name_sq


def test_a_malformed_file_imports_nothing_and_names_the_unit():
    before = texts("glossary", "bs")
    data = fill_targets(export_collection("glossary", "bs", "xliff")[0].data, lambda text: f"[bs] {text}")
    term = GlossaryTerm.objects.order_by("pk").last()
    opening = f'<file id="practices.glossaryterm.{term.pk}">'
    broken = data.replace(
        opening.encode(), f'{opening}<unit id="nonsense"><segment><source/></segment></unit>'.encode()
    )
    with pytest.raises(XliffError, match=f"practices.glossaryterm.{term.pk}: unit “nonsense”"):
        import_collection_file(broken)
    po = translate_po(export_collection("glossary", "bs", "po")[0].data)
    po = po.replace(f'msgid "{term.term_en}"'.encode(), b'msgid "changed since"', 1)
    with pytest.raises(XliffError, match=f"practices.glossaryterm.{term.pk}, field term: the source text changed"):
        import_collection_file(po)
    with pytest.raises(XliffError, match=r"line \d+"):
        import_collection_file(b'msgctxt "x"\nmsgid "a"\nmsgstr "b"\nmsgstr "c"\n')
    assert texts("glossary", "bs") == before


def test_commands_export_and_import_a_collection(tmp_path, capsys):
    path = tmp_path / "glossary-bs.po"
    call_command("export_snippets", "--collection", "glossary", "--language", "bs", "--format", "po", "-o", path)
    path.write_bytes(translate_po(path.read_bytes(), translate=lambda text: f"[bs] {text}"))
    call_command("import_snippets", str(path))
    assert "object(s) updated" in capsys.readouterr().out
    assert GlossaryTerm.objects.order_by("pk").first().term_bs.startswith("[bs] ")
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_snippets", str(path), "--user", _translator("sq").username)


def _translator(language):
    user = get_user_model().objects.create_user(f"translator-{language}", password="pw")
    user.groups.add(Group.objects.get(name=language_group_name(language)))
    return user


def test_the_snippets_page_exports_and_imports_the_translators_languages_only(client):
    client.force_login(_translator("sq"))
    page = client.get("/admin/translations/snippets/").content.decode()
    assert 'value="sq"' in page and 'value="bs"' not in page
    response = client.get("/admin/translations/snippets/export/?collection=taxonomies&language=sq&format=po")
    assert response.status_code == 200 and 'filename="taxonomies-sq.po"' in response["Content-Disposition"]
    refused = client.get("/admin/translations/snippets/export/?collection=taxonomies&language=bs&format=po")
    assert refused.status_code == 302
    data = translate_po(response.content, translate=lambda text: f"[sq] {text}")
    upload = SimpleUploadedFile("taxonomies-sq.po", data)
    response = client.post("/admin/translations/snippets/", {"file": upload}, follow=True)
    assert "objects updated from the file" in response.content.decode()
    assert Theme.objects.order_by("pk").first().name_sq.startswith("[sq] ")
