"""Fuzzing the portal's inputs with Hypothesis: what is generated and what must hold.

Shared by the test suite (a few hundred inputs, `bench/tests/test_fuzz.py`) and the bench
(`bench/fuzz_bench.py`, 10 000 and more). Targets: the search API, the search page in every
language and autocomplete (any parameter, any characters, any length), the JSON and CSV parsers
of `import_practices`, and the XLIFF import. Properties:

- no server error (5xx, or an exception other than the input's own error type);
- no markup reflected unescaped: generated values carry payloads with a unique token, and no
  HTML answer may contain a payload as it was sent;
- no degraded answer (the database fallback) caused by bad input while the node is up: a bad
  parameter is a 400, never a reason to take the slow path.
"""

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from languages.codes import LANGUAGE_CODES

# Markup that would run if reflected as sent; each carries a token no page contains.
PAYLOADS = (
    "<script>fz0001()</script>",
    '"><img src=x onerror=fz0002()>',
    "'><svg onload=fz0003()>",
    "</textarea><b fz0004>",
    '" autofocus onfocus="fz0005()',
    "<a href='javascript:fz0006()'>",
)
SEARCH_PARAMS = (
    "q",
    "lang",
    "type",
    "beneficiary",
    "theme",
    "target_group",
    "setting",
    "language",
    "year",
    "sort",
    "page",
    "page_size",
)
# Values the portal knows, so that generated requests also get past validation and reach the node.
KNOWN_VALUES = (
    "prison",
    "zatvor",
    "затвор",
    "radikalizacija",
    "RS",
    "XK",
    "mentoring",
    "convicted-terrorism",
    "practice",
    "guide",
    "2021",
    "sr-latn",
    "newest",
    "1",
    "20",
)
# Numbers as people and scripts write them: superscripts and other digits pass str.isdigit().
ODD_NUMBERS = ("²", "٣", "１２", "0", "-1", "1e3", "9" * 40, " 7 ", "0x10", "NaN", "∞", "1.5")


def any_text(max_size=80):
    # Every character but lone surrogates (which no URL or UTF-8 file can carry).
    return st.text(st.characters(exclude_categories=("Cs",)), max_size=max_size)


def with_payload():
    return st.builds(
        lambda before, payload, after: before + payload + after, any_text(20), st.sampled_from(PAYLOADS), any_text(20)
    )


def param_value():
    return st.one_of(
        any_text(),
        any_text(400),
        st.sampled_from(KNOWN_VALUES),
        st.sampled_from(ODD_NUMBERS),
        with_payload(),
    )


def search_params():
    """A query string's parameters: the portal's and others, any values, sometimes repeated."""
    name = st.one_of(st.sampled_from(SEARCH_PARAMS), any_text(12).filter(bool))
    value = st.one_of(param_value(), st.lists(param_value(), min_size=2, max_size=3))
    return st.dictionaries(name, value, max_size=6)


def search_targets():
    """(path, params): the API, the search page in any language, autocomplete."""
    paths = st.one_of(
        st.just("/api/v1/search/"),
        st.sampled_from([f"/{code}/search/" for code in LANGUAGE_CODES]),
        st.just("/api/v1/autocomplete/"),
    )
    return st.tuples(paths, search_params())


@dataclass
class Findings:
    """What the properties found, by kind, with the input that showed it."""

    tried: int = 0
    accepted: int = 0  # inputs taken as valid (a 200, an import done): the rest were refused
    server_errors: list = field(default_factory=list)
    reflections: list = field(default_factory=list)
    degraded: list = field(default_factory=list)

    @property
    def clean(self):
        return not (self.server_errors or self.reflections or self.degraded)

    def summary(self):
        return (
            f"inputs tried: {self.tried} ({self.accepted} accepted), server errors: {len(self.server_errors)}, "
            f"unescaped reflections: {len(self.reflections)}, degraded by bad input: {len(self.degraded)}"
        )


def check_request(client, findings, path, params):
    """Requests `path` with `params` (one input) and records what breaks a property."""
    findings.tried += 1
    response = inspect(client, findings, path, params)
    findings.accepted += response is not None and response.status_code == 200


def inspect(client, findings, path, params):
    try:
        response = client.get(path, params)
    except Exception as error:  # the test client re-raises a view's exception: a 500 in production
        findings.server_errors.append((path, params, repr(error)))
        return None
    if response.status_code >= 500:
        findings.server_errors.append((path, params, response.status_code))
        return response
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        body = response.content.decode("utf-8", "replace")
        reflected = [payload for payload in PAYLOADS if payload in body]
        if reflected:
            findings.reflections.append((path, params, reflected))
        if degraded_page(response):
            findings.degraded.append((path, params))
    elif content_type.startswith("application/json") and response.json().get("degraded"):
        findings.degraded.append((path, params))
    return response


def degraded_page(response):
    try:
        results = response.context["results"]
    except (KeyError, TypeError):
        return False
    return bool(getattr(results, "degraded", False))


class Rollback(Exception):
    pass


def rolled_back(check, *args):
    """Runs `check` in a savepoint it never keeps: a generated file may be valid and import."""
    from django.db import transaction

    try:
        with transaction.atomic():
            check(*args)
            raise Rollback
    except Rollback:
        pass


# import_practices ---------------------------------------------------------------------------

IMPORT_KEYS = (
    "slug",
    "beneficiary",
    "setting",
    "themes",
    "target_groups",
    "restricted",
    "start_year",
    "original_language",
    "status",
    "evaluation_level",
    "last_reviewed",
    "contact",
    "translations",
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | any_text(30)
    | st.sampled_from(KNOWN_VALUES),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(any_text(8), children, max_size=3),
    max_leaves=8,
)


def import_records():
    """Practice records: the documented keys and others, with values of any JSON type."""
    translations = st.dictionaries(
        st.sampled_from((*LANGUAGE_CODES, "xx", "")),
        st.dictionaries(st.sampled_from(("title", "summary", "body", "problem", "other")), json_values, max_size=3)
        | json_values,
        max_size=3,
    )
    record = st.dictionaries(
        st.sampled_from(IMPORT_KEYS) | any_text(10),
        json_values | translations,
        max_size=8,
    )
    return st.lists(record | json_values, max_size=3)


def json_files():
    """Texts of a .json file: records as JSON, other JSON documents, or any text at all."""
    documents = st.one_of(
        st.builds(lambda records: {"practices": records}, import_records()),
        json_values,
    )
    return st.one_of(documents.map(lambda data: json.dumps(data, ensure_ascii=False)), any_text(200))


def csv_files():
    """Texts of a .csv file: a header of documented and other columns, rows of any cells."""
    columns = st.sampled_from(
        (
            *IMPORT_KEYS[:-2],
            "title_sr",
            "summary_sr-latn",
            "body_mk",
            "title_xx",
            "contact_email",
            "",
        )
    ) | any_text(10)
    cell = any_text(40) | st.sampled_from(KNOWN_VALUES) | with_payload()

    def as_csv(header, rows):
        quote = lambda text: '"' + text.replace('"', '""') + '"'  # noqa: E731
        lines = [",".join(quote(name) for name in header)]
        lines += [",".join(quote(value) for value in row) for row in rows]
        return "\n".join(lines)

    table = st.lists(columns, min_size=1, max_size=6).flatmap(
        lambda header: st.tuples(
            st.just(header), st.lists(st.lists(cell, min_size=0, max_size=len(header) + 1), max_size=3)
        )
    )
    return st.one_of(table.map(lambda pair: as_csv(*pair)), any_text(200))


def check_import(findings, text, suffix):
    """Runs the import on `text` as a `suffix` file; anything but ImportFailed is a server error.

    The caller rolls the database back (a generated file may be valid and import pages)."""
    from practices.importing import ImportFailed, PracticeImporter, read_rows

    findings.tried += 1
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"fuzz{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            PracticeImporter().import_records(read_rows(path))
            findings.accepted += 1
        except ImportFailed:
            pass
        except Exception as error:
            findings.server_errors.append((suffix, text[:500], repr(error)))


# XLIFF ---------------------------------------------------------------------------------------


def xliff_files(exported):
    """Variants of an exported file (bytes): targets with any text or markup, attributes and
    inline codes replaced, cut short, or any bytes at all."""
    text = exported.decode("utf-8")
    spots = ("</target>", 'trgLang="', 'srcLang="', 'id="', "<source>", "</unit>")

    def insert(spot, value, keep):
        return (text.replace(spot, value + spot, 1) if keep else text.replace(spot, spot + value, 1)).encode(
            "utf-8", "surrogatepass"
        )

    markup = st.sampled_from(
        (
            '<cp hex="zz"/>',
            '<cp hex="0"/>',
            '<cp hex="110000"/>',
            '<ph id="1" disp="&lt;script&gt;" dataRef="d1"/>',
            '<pc id="9" dataRefStart="x">',
            "<![CDATA[<script>fz0001()</script>]]>",
            "&amp;lt;img src=x onerror=fz0002()&amp;gt;",
            '<originalData><data id="d1">&lt;img src=x onerror=fz0002()&gt;</data></originalData>',
        )
    )
    # Escaped text keeps the file well-formed, so that it reaches the import's own checks.
    xml_text = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=60)
    well_formed = st.one_of(xml_text, with_payload().filter(lambda text: text.isprintable())).map(escape)
    return st.one_of(
        st.builds(insert, st.sampled_from(spots), well_formed | markup | any_text(60), st.booleans()),
        st.integers(0, len(exported)).map(lambda cut: exported[:cut]),
        st.binary(max_size=300),
    )


def check_xliff(client, findings, data):
    """Imports `data` and publishes it; anything but XliffError is a server error, and the pages
    it changed, as visitors of the target language see them, must show no payload as markup.
    The caller rolls the database back."""
    from django.utils import translation
    from wagtail.models import Page

    from translations.xliff import XliffError, import_xliff

    findings.tried += 1
    try:
        result = import_xliff(data, publish=True)
    except XliffError:
        return
    except Exception as error:
        findings.server_errors.append(("xliff", data[:500], repr(error)))
        return
    findings.accepted += 1
    for plan in result.changed:
        if not isinstance(plan.content, Page):
            continue
        with translation.override(result.target):
            url = Page.objects.get(pk=plan.content.pk).specific.get_url()
        inspect(client, findings, url, {})
