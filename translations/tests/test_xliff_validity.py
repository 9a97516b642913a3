"""Every XLIFF the portal exports is valid XLIFF 2.0, for CAT tools and Okapi-based pipelines,
and comes back in after a tool has written it anew.

The schemas (XLIFF 2.0 core and the metadata module the exports use) and Okapi's validating
reader are those of Okapi's XLIFF 2 library, fetched from Maven Central by scripts/okapi.sh.
"""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation
from lxml import etree

from practices.models import GuidePage, PracticePage, Theme
from translations.inline import XLIFF_NS
from translations.memory import build_memory
from translations.registry import tracked_models
from translations.status import object_rows
from translations.tests.test_xliff import fill_targets
from translations.xliff import MDA_NS, build_export, export_xliff, import_xliff

pytestmark = pytest.mark.django_db
VALIDATOR = Path(__file__).parent / "okapi" / "ValidateXliff.java"
XML_NS = "http://www.w3.org/XML/1998/namespace"


@pytest.fixture(scope="session")
def okapi():
    """Okapi's jars and schemas (downloaded once into var/downloads)."""
    script = Path(settings.BASE_DIR) / "scripts" / "okapi.sh"
    done = subprocess.run(["bash", str(script), "fetch"], capture_output=True, text=True, check=False)
    if done.returncode:
        pytest.fail(f"scripts/okapi.sh fetch failed: {done.stderr}")
    return Path(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def schema(okapi):
    """The core schema with the metadata module's: the core lets other namespaces in at a few
    places (lax), and whatever it lets in is checked against the module that defines it."""
    schemas = okapi / "schemas"
    driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="{XLIFF_NS}" schemaLocation="{(schemas / "xliff_core_2.0.xsd").as_uri()}"/>
      <xs:import namespace="{MDA_NS}" schemaLocation="{(schemas / "modules" / "metadata.xsd").as_uri()}"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(driver.encode()))


def okapi_rejections(okapi, paths):
    """{file name: reason} for each file Okapi's validating reader refuses (one JVM for all)."""
    classpath = ":".join(str(jar) for jar in sorted((okapi / "jars").glob("*.jar")))
    done = subprocess.run(
        ["java", "-cp", classpath, str(VALIDATOR), *map(str, paths)], capture_output=True, text=True, check=False
    )
    verdicts = [line for line in done.stdout.splitlines() if line.startswith(("ok ", "invalid "))]
    assert len(verdicts) == len(paths), done.stderr
    return {Path(line.split(" ", 2)[1].rstrip(":")).name: line for line in verdicts if line.startswith("invalid")}


def test_every_export_the_report_offers_is_valid_for_the_schemas_and_okapi(schema, okapi, tmp_path):
    # Every object × language the report can list (computed: the stored rows hold no objects).
    rows = [row for _section, model in tracked_models() for obj in model.objects.all() for row in object_rows(obj)]
    assert len({row.key for row in rows}) > 20  # the demo's pages and snippets
    paths, schema_errors = [], {}
    memories = {}  # as the report exports: with the translation memory's proposals
    for row in rows:
        path = tmp_path / f"{row.key}.{row.language}.xlf"
        if row.language not in memories:
            memories[row.language] = build_memory(row.language)
        path.write_bytes(build_export([row.obj], row.language, memory=memories[row.language]).data)
        paths.append(path)
        if not schema.validate(etree.parse(str(path))):
            schema_errors[path.name] = [str(error) for error in schema.error_log][:3]
    assert schema_errors == {}
    assert okapi_rejections(okapi, paths) == {}


def test_the_schema_check_catches_what_okapi_refuses(schema):
    # The test above is only worth something if an invalid file fails it.
    data = export_xliff([PracticePage.objects.get(record_slug="xk-risk-assessment-protocol-kcs")], "bs")
    root = etree.fromstring(data)
    root.find(f"{{{XLIFF_NS}}}file").set("bogus", "1")
    root.find(f".//{{{MDA_NS}}}meta").attrib.pop("type")
    assert not schema.validate(root)
    assert len(schema.error_log) == 2


def test_original_is_the_page_url_path_or_absent(client):
    # Pages not written in English were exported with original="" (their English title), which
    # Okapi's reader refuses: now a page's address in its own language, a snippet none.
    sq_page = PracticePage.objects.get(record_slug="al-vocational-training-fushe-kruje")  # written in Albanian
    theme = Theme.objects.first()
    files = etree.fromstring(export_xliff([sq_page], "bs")).findall(f"{{{XLIFF_NS}}}file")
    (original,) = [element.get("original") for element in files]
    with translation.override("en"):  # the request activates Albanian: leave no trace of it
        assert original.startswith("/sq/") and client.get(original).context["page"] == sq_page
    files = etree.fromstring(export_xliff([theme], "bs")).findall(f"{{{XLIFF_NS}}}file")
    assert [element.get("original") for element in files] == [None]


# A round trip through a tool that writes the file anew ------------------------------------


def _reordered(element):
    """Attributes in reverse order (XML gives them none; tools write them as they like)."""
    for node in element.iter():
        items = list(node.attrib.items())
        node.attrib.clear()
        for name, value in reversed(items):
            node.set(name, value)


def _indented(element, level=0):
    """Indentation where a tool may add it: between structural elements, never inside text
    whose spaces are kept (xml:space="preserve")."""
    if element.get(f"{{{XML_NS}}}space") == "preserve" or etree.QName(element).localname in ("data", "meta"):
        return
    children = list(element)
    if not children or (element.text or "").strip():
        return
    element.text = "\n" + "  " * (level + 1)
    for child in children:
        child.tail = "\n" + "  " * (level + 1)
        _indented(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def _space_on_units(element):
    """xml:space="preserve" said once on each unit, inherited by its sources and targets."""
    for node in element.iter(f"{{{XLIFF_NS}}}source", f"{{{XLIFF_NS}}}target"):
        node.attrib.pop(f"{{{XML_NS}}}space", None)
    for unit in element.iter(f"{{{XLIFF_NS}}}unit"):
        unit.set(f"{{{XML_NS}}}space", "preserve")


def _cdata(element):
    """Texts as CDATA sections, as some tools write markup-looking text."""
    for node in element.iter(f"{{{XLIFF_NS}}}source", f"{{{XLIFF_NS}}}target", f"{{{XLIFF_NS}}}data"):
        if node.text:
            node.text = etree.CDATA(node.text)


def rewrite(data, **how):
    """The file as another XML serializer (lxml) writes it anew; `how` says which of REWRITES's
    changes it makes."""
    prefix, reorder, indent, space, cdata, ascii, bom, crlf = (
        how.get(name) for name in ("prefix", "reorder", "indent", "space", "cdata", "ascii", "bom", "crlf")
    )
    root = etree.fromstring(data)
    if prefix:  # the XLIFF namespace under a prefix instead of as the default namespace
        renamed = etree.Element(root.tag, nsmap={prefix: XLIFF_NS, "mda": MDA_NS})
        renamed.attrib.update(root.attrib)
        renamed.extend(root)
        root = renamed
    for step, wanted in ((_reordered, reorder), (_space_on_units, space), (_cdata, cdata)):
        if wanted:
            step(root)
    if indent:
        for node in root.iter():
            if node.tail is not None and not node.tail.strip():
                node.tail = None
        _indented(root)
    # ascii: every character past ASCII as a character reference (&#1073;), quotes in attributes escaped
    out = etree.tostring(root, encoding="us-ascii" if ascii else "utf-8", xml_declaration=True)
    if crlf:
        out = out.replace(b"\n", b"\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + out


REWRITES = {
    "prefix": {"prefix": "xlf"},
    "attribute order": {"reorder": True},
    "indentation": {"indent": True},
    "xml:space on units": {"space": True},
    "CDATA": {"cdata": True},
    "character references": {"ascii": True},
    "byte order mark": {"bom": True},
    "CRLF line ends": {"crlf": True},
    "all at once": {
        "prefix": "x",
        "reorder": True,
        "indent": True,
        "space": True,
        "cdata": True,  # (not with character references: a CDATA section cannot hold them)
        "bom": True,
        "crlf": True,
    },
}


def imported_values(data):
    """The Bosnian texts an import of `data` writes, rolled back afterwards."""
    with transaction.atomic():
        result = import_xliff(data)
        values = {(plan.content.pk, name): str(value) for plan in result.changed for name, value in plan.values.items()}
        transaction.set_rollback(True)
    return values


@pytest.fixture(scope="module")
def translated_export(django_db_setup, django_db_blocker):
    """An English practice (rich text), guide (steps) and theme, every unit translated into Bosnian
    with text that needs escaping, line breaks and Cyrillic."""
    with django_db_blocker.unblock():
        objects = [
            PracticePage.objects.get(record_slug="xk-risk-assessment-protocol-kcs"),
            GuidePage.objects.filter(original_language__in=("", "en")).first(),
            Theme.objects.first(),
        ]
        data = export_xliff(objects, "bs")
    return fill_targets(data, lambda text: f'[bs] "{text}" <&> ћ\n')


@pytest.fixture(scope="module")
def imported_as_exported(translated_export, django_db_blocker):
    with django_db_blocker.unblock():
        return imported_values(translated_export)


@pytest.mark.parametrize("name", REWRITES)
def test_a_rewritten_file_imports_the_same_translation(name, translated_export, imported_as_exported):
    assert len(imported_as_exported) > 5  # the practice's, guide's and theme's Bosnian fields
    rewritten = rewrite(translated_export, **REWRITES[name])
    assert rewritten != translated_export
    assert imported_values(rewritten) == imported_as_exported
