"""The results page's charts, in the order it shows them, by the slug its CSV is served under
(`/<lang>/results/<slug>.csv`).

Other apps add charts without this app importing them (feature apps are independent): the
setting RESULTS_CHART_SOURCES lists dotted paths of functions that return a chart as a dict
with the keys of results.charts.Chart but `drawing`, plus `kind` ("bars", with `categories`,
`series`, `values`, `x_label`, `y_label`). The publications library's "publications and their
downloads" is built in (`publications` sits in a layer below this app, so it is imported)."""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from publications.statistics import downloads_by_publication
from results import figures
from results.charts import Chart, bars, matrix, timeline


def trained():
    names = figures.beneficiaries()
    counts = figures.trained_by_beneficiary_and_year()
    years = sorted({year for _code, year in counts})
    table = figures.pivot(counts)
    rows = [[name] + [table[code].get(year, 0) for year in years] + [sum(table[code].values())] for code, name in names]
    total = sum(counts.values())
    return Chart(
        slug="trained",
        title=_("Professionals trained per Beneficiary and year"),
        description=_(
            "Horizontal bars, one for each Beneficiary and year, each labelled with its year and the number of "
            "prison and probation professionals trained. In all: %(total)s."
        )
        % {"total": total},
        header=[_("Beneficiary")] + [str(year) for year in years] + [_("Total")],
        rows=rows,
        drawing=bars(names, [(y, str(y)) for y in years], counts, _("Professionals trained"), _("Beneficiary")),
    )


def practices():
    names = figures.beneficiaries()
    counts = figures.practices_by_beneficiary_and_theme()
    used = {slug for _code, slug in counts}
    themes = [(slug, name) for slug, name in figures.themes() if slug in used]
    table = figures.pivot(counts)
    return Chart(
        slug="practices",
        title=_("Practices published per Beneficiary and theme"),
        description=_(
            "A grid with a row for each theme and a column for each Beneficiary; each cell holds the number of "
            "published practices of that Beneficiary on that theme. A practice on several themes counts in each."
        ),
        header=[_("Theme")] + [name for _code, name in names],
        rows=[[name] + [table[code].get(slug, 0) for code, _name in names] for slug, name in themes],
        drawing=matrix(themes, names, counts, _("Beneficiary"), _("Theme")),
    )


def versions():
    documents = figures.versions()
    return Chart(
        slug="versions",
        title=_("Versions of the guides and the screening tool"),
        description=_(
            "A timeline for each document; each mark is one of its versions, labelled with the version number, "
            "placed at the version's date."
        ),
        header=[_("Document"), _("Version"), _("Date")],
        rows=[[title, version, date.isoformat()] for title, entries in documents for version, date in entries],
        drawing=timeline(documents, _("Date"), _("Document")),
    )


def publications():
    # Public publications only: the results page is public, and a count of downloads of a
    # restricted manual would name it.
    found = downloads_by_publication()
    categories = [(row["publication"].pk, row["title"]) for row in found]
    values = {(row["publication"].pk, "downloads"): row["downloads"] for row in found}
    return Chart(
        slug="publications",
        title=_("Publications and their downloads"),
        description=_(
            "Horizontal bars, one for each public publication of the library, each labelled with the number of "
            "downloads of its files."
        ),
        header=[_("Publication"), _("Type"), _("Year"), _("Files"), _("Downloads")],
        rows=[[row["title"], row["type"], row["year"], row["files"], row["downloads"]] for row in found],
        drawing=bars(categories, [("downloads", _("Downloads"))], values, _("Downloads"), _("Publication")),
    )


BUILT_IN = {"trained": trained, "practices": practices, "versions": versions, "publications": publications}


def from_source(data):
    """A chart another app describes as a dict (see the module's docstring)."""
    data = dict(data)
    kind = data.pop("kind", "bars")
    layout = {"bars": bars, "matrix": matrix}[kind]
    drawing = layout(
        data.pop("categories"), data.pop("series"), data.pop("values"), data.pop("x_label"), data.pop("y_label")
    )
    return Chart(drawing=drawing, **data)


def charts():
    """Every chart, in the language active now."""
    return [source() for source in BUILT_IN.values()] + added_charts()


def added_charts():
    return [from_source(import_string(path)()) for path in getattr(settings, "RESULTS_CHART_SOURCES", ())]
