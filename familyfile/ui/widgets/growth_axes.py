"""Scales for the growth chart: which ages to show, and the ticks on each axis.

The RCPCH asks for the x axis in weeks of gestation below 42 weeks, weeks and months to
2 years, then months and years; the window follows the child's points, so a baby's chart
is not squeezed into 0–20 years.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from familyfile.domain.growth import BMI, HEAD, HEIGHT, WEIGHT
from familyfile.domain.growth_chart import CentileLine, ChartData
from familyfile.i18n import _

WEEK = 7 / 365.25
TERM_PLUS_TWO = 2 * WEEK  # 42 weeks of gestation: the end of the UK90 preterm data
SPANS = (0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 20.0)
BOTH, ACTUAL, CORRECTED = "both", "actual", "corrected"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    priority: int  # lower is kept first when labels would overlap


def gestation_x(weeks: float) -> float:
    return (weeks * 7 - 280) / 365.25


def point_xs(chart: ChartData, mode: str) -> list[float]:
    xs: list[float] = []
    for point in chart.points:
        if mode in (BOTH, ACTUAL):
            xs.append(point.chronological_x)
        if mode in (BOTH, CORRECTED):
            xs.append(point.corrected_x)
    return xs


def age_window(chart: ChartData, mode: str) -> tuple[float, float]:
    """The ages (decimal years; 0 = 40 weeks) the chart shows."""
    xs = point_xs(chart, mode)
    if not xs:  # an empty chart: the first year (BMI starts at 2 years)
        return (2.0, 4.0) if chart.method == BMI else (0.0, 1.0)
    low_point, high_point = min(xs), max(xs)
    low = 4.0 if low_point >= 4 else 2.0 if low_point >= 2 else 0.0
    if low_point < TERM_PLUS_TWO and (chart.corrected or low_point < 0):
        weeks = math.floor((low_point * 365.25 + 280) / 7) - 2  # two weeks before the first point
        low = gestation_x(max(23, 2 * (weeks // 2)))
    wanted = high_point + max(2 * WEEK, (high_point - low) * 0.08)
    high = next((span for span in SPANS if span >= wanted and span - low >= 0.25), SPANS[-1])
    return low, high


def value_window(lines: Iterable[CentileLine], values: Iterable[float], low: float,
                 high: float) -> tuple[float, float]:
    """The measurement range: every centile line within the ages shown, and every point."""
    ys = [y for line in lines for x, y in line.points if low <= x <= high]
    ys += list(values)
    if not ys:
        return 0.0, 1.0
    bottom, top = min(ys), max(ys)
    pad = max((top - bottom) * 0.04, 0.05)
    return max(0.0, bottom - pad), top + pad


def nice_step(span: float, most: int) -> float:
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        if span / step <= most:
            return float(step)
    return 100.0


def value_ticks(bottom: float, top: float, most: int) -> list[float]:
    step = nice_step(top - bottom, max(2, most))
    first = math.ceil(bottom / step) * step
    count = int((top - first) / step + 1e-9) + 1
    return [round(first + i * step, 6) for i in range(count)]


def _gestation_ticks(low: float) -> list[Tick]:
    return [Tick(gestation_x(weeks), str(weeks), 1 if weeks % 4 == 0 else 3)
            for weeks in range(24, 41, 2) if gestation_x(weeks) >= low - 1e-9]


def _infant_ticks(high: float) -> list[Tick]:
    ticks: list[Tick] = []
    if high <= 0.5:
        for weeks in range(2, 27, 2):
            ticks.append(Tick(weeks * WEEK, _("{n} wk").format(n=weeks), 2 if weeks % 4 else 1))
        return ticks
    for months in range(1, 24):
        if months == 12:
            ticks.append(Tick(1.0, _("1 yr"), 0))
        else:
            ticks.append(Tick(months / 12, _("{n} mo").format(n=months), 1 if months % 3 == 0 else 3))
    return ticks


def _child_ticks(high: float) -> list[Tick]:
    ticks: list[Tick] = []
    quarter = 0.25 if high <= 6 else 0.5
    steps = int(round((high - 2) / quarter))
    for i in range(steps + 1):
        x = 2 + i * quarter
        if abs(x - round(x)) < 1e-9:
            ticks.append(Tick(x, _("{n} yr").format(n=int(round(x))), 0 if int(round(x)) % 2 == 0 else 1))
        elif high <= 4:
            months = int(round((x - int(x)) * 12))
            ticks.append(Tick(x, _("{y} yr {m} mo").format(y=int(x), m=months), 3))
        else:
            ticks.append(Tick(x, "", 4))
    return ticks


def age_ticks(low: float, high: float) -> list[Tick]:
    """Ticks from ``low`` to ``high``: gestation weeks, then weeks or months, then years."""
    ticks: list[Tick] = []
    if low < 0:
        ticks += _gestation_ticks(low)
    elif low == 0:
        ticks.append(Tick(0.0, _("birth"), 0))
    if low < 2:
        ticks += [t for t in _infant_ticks(high) if t.x <= min(high, 2.0) + 1e-9 and t.x > 1e-9]
    if high > 2:
        ticks += [t for t in _child_ticks(high) if t.x >= low - 1e-9]
    if low < 0:
        ticks = [t for t in ticks if t.x >= TERM_PLUS_TWO - 1e-9 or t.x <= 1e-9]
    return sorted({t.x: t for t in ticks}.values(), key=lambda t: t.x)


def measure_names() -> dict[str, tuple[str, str]]:
    """Each chart's name and its axis title with the unit."""
    return {WEIGHT: (_("Weight"), _("Weight (kg)")),
            HEIGHT: (_("Length or height"), _("Length or height (cm)")),
            HEAD: (_("Head circumference"), _("Head circumference (cm)")),
            BMI: (_("Body mass index (BMI)"), _("BMI (kg/m²)"))}


def centile_label(centile: float) -> str:
    return {0.4: _("0.4th"), 2.0: _("2nd"), 9.0: _("9th"), 25.0: _("25th"), 50.0: _("50th"),
            75.0: _("75th"), 91.0: _("91st"), 98.0: _("98th"), 99.6: _("99.6th")}.get(
        centile, f"{centile:g}")


def value_at(line: CentileLine, x: float) -> float | None:
    """The line's value at age ``x`` (straight between its points), or None outside it."""
    points = line.points
    if not points or x < points[0][0] - 1e-9 or x > points[-1][0] + 1e-9:
        return None
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x0 - 1e-9 <= x <= x1 + 1e-9:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions near ``wanted`` (sorted) that are at least ``gap`` apart."""
    placed: list[float] = []
    for y in wanted:
        placed.append(max(y, placed[-1] + gap) if placed else max(y, low))
    overflow = placed[-1] - high if placed else 0
    if overflow > 0:
        placed = [y - overflow for y in placed]
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - gap)
    return placed
