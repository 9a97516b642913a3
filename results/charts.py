"""Charts drawn on the server as SVG shapes (results/includes/chart.html puts them in an <svg>).

Hand-drawn rather than with a charting library: the public Content-Security-Policy allows no
inline style (`style-src 'self'`), which is how SVG chart libraries colour their output, and
these three layouts are a few dozen lines each. Colours are presentation attributes (allowed by
the policy, kept in print) and never carry meaning alone: every mark has its number and series
written beside it, and the data table beside the chart holds the same figures."""

import datetime
import math
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

# Dark enough for 3:1 against white (WCAG 1.4.11) and told apart by the text beside each mark.
PALETTE = ("#1f4e79", "#a84300", "#2d6a4f", "#6a3d9a", "#7a5c00", "#8b1e3f")
INK = "#1a1a1a"
MUTED = "#595959"
GRID = "#d0d0d0"
LIGHT_FILL = "#cfe2f3"
FONT = 13
LABEL_WIDTH = 230  # room for the longest Beneficiary's or theme's name on the left
PLOT_WIDTH = 420


@dataclass
class Shape:
    kind: str  # rect, line, circle or text
    attrs: dict
    text: str = ""

    def markup(self):
        # Written here rather than in a template loop: a grid chart has a few hundred shapes. Numbers
        # are Python's, with a decimal point in every language (a template would localise them).
        attrs = " ".join(f'{name}="{escape(value)}"' for name, value in self.attrs.items())
        return f"<{self.kind} {attrs}>{escape(self.text)}</{self.kind}>"


@dataclass
class Drawing:
    width: int
    height: int
    shapes: list = field(default_factory=list)

    def markup(self):
        """The shapes as SVG elements, every value escaped."""
        return mark_safe("\n".join(shape.markup() for shape in self.shapes))

    def rect(self, x, y, width, height, fill):
        self.shapes.append(Shape("rect", {"x": x, "y": y, "width": width, "height": height, "fill": fill}))

    def line(self, x1, y1, x2, y2, stroke=INK):
        self.shapes.append(Shape("line", {"x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": stroke}))

    def circle(self, cx, cy, r, fill, stroke=INK):
        self.shapes.append(Shape("circle", {"cx": cx, "cy": cy, "r": r, "fill": fill, "stroke": stroke}))

    def text(self, x, y, text, anchor="start", fill=INK, rotate=None, css="label"):
        attrs = {"x": x, "y": y, "text-anchor": anchor, "fill": fill, "font-size": FONT, "class": css}
        if rotate is not None:
            attrs["transform"] = f"rotate({rotate} {x} {y})"
        self.shapes.append(Shape("text", attrs, str(text)))

    def axis_title(self, x, y, text, anchor="middle"):
        self.text(x, y, text, anchor=anchor, css="axis-title")

    def category_axis_title(self, y, text):
        """Above the category labels, flush with their right edge: never across a long label."""
        self.axis_title(LABEL_WIDTH - 8, y, text, anchor="end")


@dataclass
class Chart:
    """One chart of the results page: its drawing, the same figures as a table, and the CSV."""

    slug: str
    title: str
    description: str
    header: list
    rows: list
    drawing: Drawing


def nice_ticks(maximum, count=5):
    """0 and round steps (1, 2 or 5 times a power of ten) up to at least `maximum`."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * m for m in (1, 2, 5, 10) if power * m >= raw)
    step = max(1, int(step))
    return list(range(0, int(math.ceil(maximum / step)) * step + 1, step))


def bars(categories, series, values, x_label, y_label):
    """Horizontal bars grouped by category (e.g. a Beneficiary), one per series (e.g. a year),
    each labelled "series: value" at its end."""
    bar, gap, group_gap, top = 18, 4, 14, 36
    ticks = nice_ticks(max(values.values(), default=0))
    scale = PLOT_WIDTH / ticks[-1]
    drawing = Drawing(LABEL_WIDTH + PLOT_WIDTH + 110, 0)
    y = top
    for key, label in categories:
        group_top = y
        for index, (series_key, series_label) in enumerate(series):
            value = values.get((key, series_key), 0)
            drawing.rect(LABEL_WIDTH, y, round(value * scale, 1), bar, PALETTE[index % len(PALETTE)])
            drawing.text(LABEL_WIDTH + value * scale + 6, y + bar - 5, f"{series_label}: {value}")
            y += bar + gap
        drawing.text(LABEL_WIDTH - 8, (group_top + y - gap) / 2 + 5, label, anchor="end")
        y += group_gap
    value_axis(drawing, ticks, scale, top, y)
    drawing.axis_title(LABEL_WIDTH + PLOT_WIDTH / 2, y + 40, x_label)
    drawing.category_axis_title(18, y_label)
    drawing.height = y + 52
    return drawing


def value_axis(drawing, ticks, scale, top, bottom):
    drawing.line(LABEL_WIDTH, top - 4, LABEL_WIDTH, bottom)
    drawing.line(LABEL_WIDTH, bottom, LABEL_WIDTH + PLOT_WIDTH, bottom)
    for tick in ticks:
        x = LABEL_WIDTH + tick * scale
        drawing.line(x, bottom, x, bottom + 5)
        drawing.text(x, bottom + 19, tick, anchor="middle", fill=MUTED)


def matrix(rows, columns, values, x_label, y_label):
    """A grid of rows (e.g. themes) by columns (e.g. Beneficiaries); each cell's number written in
    a circle whose area grows with it."""
    cell_w, cell_h, top = 80, 32, 150
    largest = max(values.values(), default=1)
    drawing = Drawing(LABEL_WIDTH + cell_w * len(columns) + 20, top + cell_h * len(rows) + 20)
    drawing.axis_title(LABEL_WIDTH + cell_w * len(columns) / 2, 18, x_label)
    for j, (_key, label) in enumerate(columns):
        x = LABEL_WIDTH + cell_w * j + cell_w / 2
        drawing.text(x, top - 12, Truncator(label).chars(24), rotate=-35)
    drawing.category_axis_title(top - 12, y_label)
    for i, (row_key, label) in enumerate(rows):
        y = top + cell_h * i + cell_h / 2
        drawing.line(LABEL_WIDTH, y, LABEL_WIDTH + cell_w * len(columns), y, stroke=GRID)
        drawing.text(LABEL_WIDTH - 8, y + 5, Truncator(label).chars(28), anchor="end")
        for j, (column_key, _label) in enumerate(columns):
            x = LABEL_WIDTH + cell_w * j + cell_w / 2
            value = values.get((column_key, row_key), 0)
            if value:
                drawing.circle(x, y, round(9 + 5 * math.sqrt(value / largest), 1), LIGHT_FILL, stroke=PALETTE[0])
            drawing.text(x, y + 5, value, anchor="middle", fill=INK if value else MUTED)
    return drawing


def timeline(documents, x_label, y_label):
    """One line per document along a time axis in years; each version a mark with its number."""
    dates = [date for _title, entries in documents for _version, date in entries]
    row, top = 48, 36
    drawing = Drawing(LABEL_WIDTH + PLOT_WIDTH + 40, top + row * len(documents) + 70)
    if not dates:
        return drawing
    first, last = min(dates).year, max(dates).year + 1
    origin = datetime.date(first, 1, 1).toordinal()
    span = datetime.date(last, 1, 1).toordinal() - origin

    def x_of(date):
        return round(LABEL_WIDTH + PLOT_WIDTH * (date.toordinal() - origin) / span, 1)

    for i, (title, entries) in enumerate(documents):
        y = top + row * i + row / 2
        drawing.text(LABEL_WIDTH - 8, y + 5, Truncator(title).chars(28), anchor="end")
        drawing.line(LABEL_WIDTH, y, LABEL_WIDTH + PLOT_WIDTH, y, stroke=GRID)
        for version, date in entries:
            x = x_of(date)
            drawing.circle(x, y, 6, PALETTE[i % len(PALETTE)])
            drawing.text(x, y - 11, version, anchor="middle")
    bottom = top + row * len(documents)
    drawing.line(LABEL_WIDTH, bottom, LABEL_WIDTH + PLOT_WIDTH, bottom)
    for year in range(first, last + 1):
        x = LABEL_WIDTH + PLOT_WIDTH * (year - first) / (last - first)
        drawing.line(x, bottom, x, bottom + 5)
        drawing.text(x, bottom + 19, year, anchor="middle", fill=MUTED)
    drawing.axis_title(LABEL_WIDTH + PLOT_WIDTH / 2, bottom + 42, x_label)
    drawing.category_axis_title(18, y_label)
    return drawing
