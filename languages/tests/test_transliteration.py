"""Serbian Cyrillic <-> Latin: exact one way, digraph-aware the other, markup untouched."""

import pytest

from languages.transliteration import cyrillic_to_latin, fold, is_cyrillic, latin_to_cyrillic


@pytest.mark.parametrize(
    "cyrillic, latin",
    [
        ("Љубљана", "Ljubljana"),
        ("ЉУБАВ", "LJUBAV"),
        ("Његош", "Njegoš"),
        ("ЊЕГОШ", "NJEGOŠ"),
        ("Џеп и џемпер", "Džep i džemper"),
        ("ЏЕП", "DŽEP"),
        ("Ђорђе Ћирић чита жуте шешире", "Đorđe Ćirić čita žute šešire"),
        ("Завод за извршење кривичних санкција", "Zavod za izvršenje krivičnih sankcija"),
        ("Љ", "Lj"),
        ("УПРАВА ЗА ИЗВРШЕЊЕ", "UPRAVA ZA IZVRŠENJE"),
    ],
)
def test_cyrillic_to_latin_is_exact(cyrillic, latin):
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        ("Ljubljana", "Љубљана"),
        ("LJUBAV", "ЉУБАВ"),
        ("Njegoš", "Његош"),
        ("džep", "џеп"),
        ("DŽEP", "ЏЕП"),
        ("Đorđe Ćirić", "Ђорђе Ћирић"),
        ("nadživeti", "надживети"),
        ("Nadživjeti", "Надживјети"),
        ("podžupan", "поджупан"),
        ("konjunkcija", "конјункција"),
        ("konjunktura", "конјунктура"),
        ("injekcija", "инјекција"),
        ("injekcioni", "инјекциони"),
        ("vanjezički", "ванјезички"),
        ("konj i njiva", "коњ и њива"),
        ("poljoprivreda", "пољопривреда"),
    ],
)
def test_latin_to_cyrillic_reads_digraphs_and_knows_the_exceptions(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        ("u skladu sa UNSCR 1244/1999 i ICJ", "у складу са UNSCR 1244/1999 и ICJ"),
        ("standard ISO 9001", "стандард ISO 9001"),
        ("pišite na info@uiks.gov.rs danas", "пишите на info@uiks.gov.rs данас"),
        ("vidi https://www.uiks.gov.rs/sr/vesti?id=3 ovde", "види https://www.uiks.gov.rs/sr/vesti?id=3 овде"),
        ("XXI vek, poglavlje IV", "XXI век, поглавље IV"),
        ("softver Wagtail", "софтвер Wagtail"),
        ("instrumenti VERA-2R i ERG 22+", "инструменти VERA-2R и ERG 22+"),
    ],
)
def test_latin_only_tokens_urls_and_addresses_stay_latin(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


def test_rich_text_keeps_its_markup_both_ways():
    html = '<p>Plan <b>rada</b> &amp; <a href="/sr/prakse/ljubav/" linktype="page" id="3">ljubav</a>&nbsp;dž</p>'
    cyrillic = latin_to_cyrillic(html)
    assert (
        cyrillic == '<p>План <b>рада</b> &amp; <a href="/sr/prakse/ljubav/" linktype="page" id="3">љубав</a>&nbsp;џ</p>'
    )
    assert cyrillic_to_latin(cyrillic) == html


def test_round_trip_of_ordinary_text():
    text = "Ljudi u Njegoševoj ulici znaju da džamija i crkva stoje jedna kraj druge."
    assert cyrillic_to_latin(latin_to_cyrillic(text)) == text


def test_empty_and_non_serbian_text_pass_through():
    assert latin_to_cyrillic("") == ""
    assert cyrillic_to_latin(None) is None
    assert cyrillic_to_latin("Македонски: ѓ ќ ѕ") == "Makedonski: ѓ ќ ѕ"  # not Serbian letters
    assert is_cyrillic("Ниш") and not is_cyrillic("Niš")


def demo_serbian_pairs():
    """(Cyrillic, Latin) texts the demo's translators wrote in both scripts."""
    import json
    from pathlib import Path

    pairs = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("sr"), (str, dict)) and isinstance(node.get("sr-latn"), (str, dict)):
                pairs.append((flat(node["sr"]), flat(node["sr-latn"])))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((Path(__file__).resolve().parents[2] / "demo" / "data").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return pairs


def flat(node):
    if isinstance(node, dict):
        return " ".join(flat(value) for value in node.values())
    if isinstance(node, list):
        return " ".join(flat(value) for value in node)
    return str(node)


def test_transliteration_agrees_with_the_translators_word_for_word():
    import re

    pairs = demo_serbian_pairs()
    assert len(pairs) > 100
    words, differences = 0, set()
    for cyrillic, latin in pairs:
        assert cyrillic_to_latin(cyrillic) == latin
        ours, theirs = re.findall(r"\w+", latin_to_cyrillic(latin)), re.findall(r"\w+", cyrillic)
        assert len(ours) == len(theirs)
        words += len(ours)
        differences |= {(a, b) for a, b in zip(ours, theirs, strict=True) if a != b}
    assert words > 10000 and not differences


def test_fold_makes_both_scripts_and_missing_diacritics_compare_equal():
    # Glossary expansion, the glossary filter, suggestions and the language a search result is
    # shown in all compare text this way: "ш" must fold like "š", not as anyascii's "sh".
    assert fold("запошљавање") == fold("zapošljavanje") == fold("zaposljavanje") == "zaposljavanje"
    assert fold("обезбјеђење") == fold("obezbjedjenje") == fold("obezbjeđenje")
    assert fold("ќерка Ѕвезда") == "cerka dzvezda"
