"""What a growth chart shows, as plain data (drawn by the UI, and by the PDF).

The centile lines come from rcpchgrowth's ``create_chart("uk-who", ...)``: the nine Cole
centiles (0.4th to 99.6th), one series per reference segment (UK90 preterm, WHO 2006
lying, WHO 2006 standing, UK90 child), never joined across the joins at 42 weeks, 2 and
4 years. The child's points are at chronological age and at corrected age.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from familyfile.domain.growth import BMI, HEAD, HEIGHT, UNIT_FOR, WEIGHT, ChildBasis, centile_text
from familyfile.domain.growth_centiles import REFERENCE, SEXES, GrowthResult, quiet

CENTILES = (0.4, 2.0, 9.0, 25.0, 50.0, 75.0, 91.0, 98.0, 99.6)
DASHED = frozenset({0.4, 9.0, 50.0, 91.0, 99.6})  # the RCPCH notation; the others are solid
SEGMENTS = ("uk90_preterm", "uk_who_infant", "uk_who_child", "uk90_child")
CHART_METHODS = (WEIGHT, HEIGHT, HEAD, BMI)


@dataclass(frozen=True)
class CentileLine:
    centile: float
    sds: float
    segment: str
    points: tuple[tuple[float, float], ...]  # (decimal age in years, value); age 0 = 40 weeks

    @property
    def dashed(self) -> bool:
        return self.centile in DASHED


@dataclass(frozen=True)
class ChartPoint:
    entry_id: str
    measured_on: date
    value: float
    chronological_x: float  # decimal years since birth (the RCPCH round dot)
    corrected_x: float  # decimal years since 40 weeks (the RCPCH cross)
    centile: str  # as shown ("50", "<0.4")
    corrected_centile: str
    chronological_centile: str

    @property
    def corrected(self) -> bool:
        return abs(self.chronological_x - self.corrected_x) > 1e-9


@dataclass(frozen=True)
class ChartData:
    method: str
    unit: str
    sex: str | None
    lines: tuple[CentileLine, ...]
    points: tuple[ChartPoint, ...]
    gestation: str = ""  # "33+2" when known
    reference: str = REFERENCE

    @property
    def needs_sex(self) -> bool:
        return self.sex not in SEXES

    @property
    def corrected(self) -> bool:
        return any(p.corrected for p in self.points)

    def to_data(self) -> dict[str, Any]:
        return {
            "measurement": self.method, "unit": self.unit, "sex": self.sex,
            "reference": self.reference, "gestation": self.gestation,
            "lines": [{"centile": line.centile, "sds": line.sds, "segment": line.segment,
                       "dashed": line.dashed, "points": [list(p) for p in line.points]}
                      for line in self.lines],
            "points": [{"entry_id": p.entry_id, "date": p.measured_on.isoformat(), "value": p.value,
                        "chronological_age_years": p.chronological_x,
                        "corrected_age_years": p.corrected_x, "centile": p.centile,
                        "corrected_centile": p.corrected_centile,
                        "chronological_centile": p.chronological_centile}
                       for p in self.points],
        }


@lru_cache(maxsize=8)
def centile_lines(method: str, sex: str) -> tuple[CentileLine, ...]:
    """The nine centiles, one series per reference segment (slow the first time: ~2 s)."""
    from rcpchgrowth.chart_functions import create_chart

    with quiet():
        chart = create_chart(REFERENCE, measurement_method=method, sex=sex)
    lines: list[CentileLine] = []
    for segment_data in chart:
        for segment, by_sex in segment_data.items():
            for centile in by_sex.get(sex, {}).get(method, []):
                points = tuple((float(p["x"]), float(p["y"])) for p in centile.get("data") or []
                               if p.get("y") is not None)
                if points:
                    lines.append(CentileLine(float(centile["centile"]), float(centile["sds"]),
                                             segment, points))
    return tuple(lines)


def build_chart(method: str, basis: ChildBasis,
                results: list[tuple[str, GrowthResult]]) -> ChartData:
    """The chart for one measurement: centile lines (when the sex is known) and the points."""
    points = []
    for entry_id, result in sorted(results, key=lambda r: r[1].measurement.measured_on):
        found = result.centiles.get(method)
        if found is None:
            continue
        points.append(ChartPoint(entry_id, result.measurement.measured_on, found.value,
                                 result.ages.chronological_years, result.ages.corrected_years,
                                 found.text, found.text, centile_text(found.chronological_centile)))
    sex = basis.sex if basis.sex in SEXES else None
    lines = centile_lines(method, sex) if sex else ()
    gestation = str(basis.gestation) if basis.gestation else ""
    return ChartData(method, UNIT_FOR[method], sex, lines, tuple(points), gestation)


def reference_label() -> str:
    from rcpchgrowth import __version__

    from familyfile.i18n import _

    return _("UK-WHO growth reference; calculated with RCPCH rcpchgrowth {version}").format(
        version=__version__)


def weight_loss_note() -> str:
    from familyfile.i18n import _

    return _("Babies may lose up to 10% of their birth weight in the first few days. "
             "Most are back to their birth weight by 2 weeks.")
