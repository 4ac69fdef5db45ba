"""A growth chart for the PDF pack, drawn the RCPCH way with reportlab graphics (black and white).

The data is ``domain.growth_chart.ChartData`` (the same the app's chart draws): nine centile
lines of equal weight, the 0.4th, 9th, 50th, 91st and 99.6th dashed, one series per reference
segment, never joined across the joins at 42 weeks, 2 and 4 years (a thin rule marks each
join). The child's points are not joined over time: a dot at actual age, a cross at corrected
age and, for a baby born early, a short line between the two. Meaning never rests on colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors

from familyfile.domain.growth import BMI, HEAD, HEIGHT, WEIGHT
from familyfile.domain.growth_chart import ChartData
from familyfile.i18n import _

WEEK = 7 / 365.25
TERM_PLUS_TWO = 2 * WEEK  # 42 weeks of gestation: the end of the UK90 preterm data
JOINS = (TERM_PLUS_TWO, 2.0, 4.0)
SPANS = (0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 20.0)
INK = colors.black
GRID = colors.Color(0.82, 0.82, 0.82)
JOIN = colors.Color(0.55, 0.55, 0.55)
FONT, BOLD = "Helvetica", "Helvetica-Bold"
LABEL_GAP = 26.0  # points between the centres of two age labels
Mapper = Callable[[float, float], tuple[float, float]]


def axis_title(method: str) -> str:
    return {WEIGHT: _("Weight (kg)"), HEIGHT: _("Length or height (cm)"),
            HEAD: _("Head circumference (cm)"), BMI: _("BMI (kg/m²)")}.get(method, method)


def chart_title(method: str) -> str:
    return {WEIGHT: _("Weight"), HEIGHT: _("Length or height"), HEAD: _("Head circumference"),
            BMI: _("Body mass index (BMI)")}.get(method, method)


def _gestation_x(weeks: float) -> float:
    return (weeks * 7 - 280) / 365.25


def age_window(chart: ChartData) -> tuple[float, float]:
    """The ages shown (decimal years; 0 = 40 weeks), following the child's points."""
    xs = [x for p in chart.points for x in (p.chronological_x, p.corrected_x)]
    if not xs:
        return (0.0, 1.0)
    low_point, high_point = min(xs), max(xs)
    low = 4.0 if low_point >= 4 else 2.0 if low_point >= 2 else 0.0
    if low_point < TERM_PLUS_TWO and (chart.corrected or low_point < 0):
        weeks = math.floor((low_point * 365.25 + 280) / 7) - 2
        low = _gestation_x(max(23, 2 * (weeks // 2)))
    wanted = high_point + max(2 * WEEK, (high_point - low) * 0.08)
    high = next((s for s in SPANS if s >= wanted and s - low >= 0.25), SPANS[-1])
    return low, high


def age_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """Gestation weeks before term, weeks or months to 2 years, then years."""
    ticks: list[tuple[float, str]] = []
    if low < 0:
        ticks += [(_gestation_x(w), _("{n} wk").format(n=w)) for w in range(24, 41, 4)
                  if _gestation_x(w) >= low - 1e-9]
    else:
        ticks.append((0.0, _("birth")) if low == 0 else (low, _("{n} yr").format(n=int(low))))
    if low < 2:
        if high <= 0.5:
            ticks += [(w * WEEK, _("{n} wk").format(n=w)) for w in range(4, 27, 4) if w * WEEK <= high]
        else:
            months = 1 if high <= 1 else 3
            ticks += [(m / 12, _("1 yr") if m == 12 else _("{n} mo").format(n=m))
                      for m in range(months, 24, months) if m / 12 <= min(high, 2.0) + 1e-9]
    if high > 2:
        step = 0.5 if high <= 4 else 1.0 if high <= 8 else 2.0
        x = 2.0 if low < 2 else low + step
        while x <= high + 1e-9:
            label = _("{n} yr").format(n=int(x)) if abs(x - round(x)) < 1e-9 else ""
            ticks.append((x, label))
            x += step
    return sorted({round(x, 9): (x, t) for x, t in ticks if low - 1e-9 <= x <= high + 1e-9}.values())


def _nice_step(span: float) -> float:
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        if span / step <= 10:
            return float(step)
    return 100.0


def _value_window(chart: ChartData, low: float, high: float) -> tuple[float, float]:
    ys = [y for line in chart.lines for x, y in line.points if low <= x <= high]
    ys += [p.value for p in chart.points]
    if not ys:
        return 0.0, 1.0
    bottom, top = min(ys), max(ys)
    pad = max((top - bottom) * 0.04, 0.05)
    return max(0.0, bottom - pad), top + pad


def centile_name(centile: float) -> str:
    return {0.4: "0.4", 2.0: "2", 9.0: "9", 25.0: "25", 50.0: "50", 75.0: "75", 91.0: "91",
            98.0: "98", 99.6: "99.6"}.get(centile, f"{centile:g}")


def drawing(chart: ChartData, width: float, height: float) -> Drawing:
    """The chart as a reportlab Drawing of ``width`` × ``height`` points."""
    d = Drawing(width, height)
    left, right, bottom, top = 40.0, width - 26.0, 30.0, height - 8.0
    low, high = age_window(chart)
    y0, y1 = _value_window(chart, low, high)

    def px(x: float, y: float) -> tuple[float, float]:
        return (left + (x - low) / (high - low) * (right - left),
                bottom + (y - y0) / (y1 - y0) * (top - bottom))

    step = _nice_step(y1 - y0)
    value = math.ceil(y0 / step) * step
    while value <= y1 + 1e-9:
        _x, y = px(low, value)
        d.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(left - 4, y - 2.5, f"{value:g}", fontName=FONT, fontSize=7, textAnchor="end"))
        value += step
    last_label = -1e9
    for x, label in age_ticks(low, high):
        gx, _y = px(x, y0)
        d.add(Line(gx, bottom, gx, top, strokeColor=GRID, strokeWidth=0.4))
        d.add(Line(gx, bottom - 3, gx, bottom, strokeColor=INK, strokeWidth=0.6))
        if label and gx - last_label >= LABEL_GAP:  # labels never overlap
            d.add(String(gx, bottom - 11, label, fontName=FONT, fontSize=7, textAnchor="middle"))
            last_label = gx
    for join in JOINS:
        if low < join < high:
            jx, _y = px(join, y0)
            d.add(Line(jx, bottom, jx, top, strokeColor=JOIN, strokeWidth=0.8, strokeDashArray=[1, 2]))
    _draw_lines(d, chart, low, high, px, right)
    _draw_points(d, chart, px)
    d.add(Rect(left, bottom, right - left, top - bottom, fillColor=None, strokeColor=INK, strokeWidth=0.8))
    age = _("Age (before term: weeks of gestation)") if low < 0 else _("Age")
    d.add(String((left + right) / 2, 3, age, fontName=FONT, fontSize=7.5, textAnchor="middle"))
    title = String(0, 0, axis_title(chart.method), fontName=BOLD, fontSize=7.5, textAnchor="middle")
    d.add(_rotated(title, 9, (bottom + top) / 2))
    return d


def _rotated(shape: String, x: float, y: float) -> Group:
    group = Group(shape)
    group.transform = (0, 1, -1, 0, x, y)  # 90° anticlockwise, anchored at (x, y)
    return group


def _draw_lines(d: Drawing, chart: ChartData, low: float, high: float, px: Mapper,
                right: float) -> None:
    to_px = px
    ends: dict[float, tuple[float, float]] = {}
    for line in chart.lines:
        points = [p for p in line.points if low - 1e-9 <= p[0] <= high + 1e-9]
        if len(points) < 2:
            continue
        flat = [c for x, y in points for c in to_px(x, y)]
        dash = [3, 2] if line.dashed else None
        d.add(PolyLine(flat, strokeColor=INK, strokeWidth=0.5, strokeDashArray=dash))
        last = points[-1]
        if line.centile not in ends or last[0] > ends[line.centile][0]:
            ends[line.centile] = last
    for centile, (x, y) in ends.items():
        _lx, ly = to_px(x, y)
        d.add(String(right + 2, ly - 2, centile_name(centile), fontName=FONT, fontSize=6))


def _draw_points(d: Drawing, chart: ChartData, px: Mapper) -> None:
    to_px = px
    for point in chart.points:
        ax, ay = to_px(point.chronological_x, point.value)
        if point.corrected:
            cx, cy = to_px(point.corrected_x, point.value)
            d.add(Line(ax, ay, cx, cy, strokeColor=INK, strokeWidth=0.6))
            r = 2.6
            d.add(Line(cx - r, cy - r, cx + r, cy + r, strokeColor=INK, strokeWidth=1.1))
            d.add(Line(cx - r, cy + r, cx + r, cy - r, strokeColor=INK, strokeWidth=1.1))
        d.add(Circle(ax, ay, 2.0, fillColor=INK, strokeColor=colors.white, strokeWidth=0.4))


def legend(chart: ChartData) -> str:
    """The words under the chart: the marks and the line styles."""
    text = _("Dot: measurement at actual age. Lines: centiles 0.4th to 99.6th (0.4th, 9th, 50th, "
             "91st and 99.6th dashed); the number at the right of each line is its centile.")
    if chart.corrected:
        born = _(" (born at {weeks} weeks)").format(weeks=chart.gestation) if chart.gestation else ""
        text += " " + _("Cross: the same measurement at corrected age{born}.").format(born=born)
    if chart.needs_sex:
        text += " " + _("No centile lines: the child's sex is not recorded.")
    return text
