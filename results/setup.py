"""The results page under the home page (setup_portal creates it once, through
languages.sections.sections_needed; the demo loader finds it)."""

from languages.sections import ensure_section
from results.models import ResultsPage

# `/<lang>/results/` and its CSV files `/<lang>/results/<chart>.csv` in every language: a contract.
SLUG = "results"

TEXTS = {
    "title": {
        "en": "Results",
        "sq": "Rezultatet",
        "bs": "Rezultati",
        "hr": "Rezultati",
        "cnr": "Rezultati",
        "sr": "Резултати",
        "sr-latn": "Rezultati",
        "mk": "Резултати",
    },
    "intro": {
        "en": (
            "What the regional action has achieved so far: professionals trained, practices published, "
            "versions of the guide and the screening instrument. Each chart has its figures in a table "
            "beside it and as a CSV file."
        ),
        "sq": (
            "Çfarë ka arritur deri tani veprimi rajonal: profesionistë të trajnuar, praktika të "
            "publikuara, versione të udhëzuesit dhe të instrumentit të identifikimit të hershëm. Çdo "
            "grafik i ka shifrat e tij në një tabelë pranë tij dhe si skedar CSV."
        ),
        "bs": (
            "Šta je regionalna akcija do sada postigla: obučeni stručnjaci, objavljene prakse, verzije "
            "vodiča i instrumenta za rano prepoznavanje. Svaki grafikon ima svoje podatke u tabeli "
            "pored sebe i kao CSV datoteku."
        ),
        "hr": (
            "Što je regionalna akcija dosad postigla: osposobljeni stručnjaci, objavljeni primjeri "
            "prakse, inačice vodiča i instrumenta za rano prepoznavanje. Svaki grafikon ima svoje "
            "podatke u tablici pokraj sebe i kao CSV datoteku."
        ),
        "cnr": (
            "Šta je regionalna akcija do sada postigla: obučeni stručnjaci, objavljene prakse, verzije "
            "vodiča i instrumenta za rano prepoznavanje. Svaki grafikon ima svoje podatke u tabeli "
            "pored sebe i kao CSV datoteku."
        ),
        "sr": (
            "Шта је регионална акција до сада постигла: обучени стручњаци, објављене праксе, верзије "
            "водича и инструмента за рано препознавање. Сваки графикон има своје податке у табели поред"
            " себе и као CSV датотеку."
        ),
        "sr-latn": (
            "Šta je regionalna akcija do sada postigla: obučeni stručnjaci, objavljene prakse, verzije "
            "vodiča i instrumenta za rano prepoznavanje. Svaki grafikon ima svoje podatke u tabeli "
            "pored sebe i kao CSV datoteku."
        ),
        "mk": (
            "Што постигна регионалната акција досега: обучени професионалци, објавени практики, верзии "
            "на водичот и на инструментот за рано препознавање. Секој графикон ги има своите податоци "
            "во табела покрај него и како CSV-датотека."
        ),
    },
}


def ensure_results_page(home, **kwargs):
    """The results page (created and published under `home` if missing); also the receiver of
    `sections_needed`."""
    return ensure_section(ResultsPage, home, SLUG, TEXTS)
