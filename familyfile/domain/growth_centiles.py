"""Centiles and SDS on the UK-WHO reference, calculated by the RCPCH library rcpchgrowth.

Nothing here is stored: the record keeps the raw values, and these are worked out on
reading. rcpchgrowth corrects the age for gestation at birth (for every gestation, as the
RCPCH digital charts do); the corrected values are the ones shown, the chronological ones
are kept beside them. A value beyond ±8 SDS is not a plausible measurement; one beyond
±4 SDS that a unit slip explains is asked about before it is saved.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from familyfile.domain.growth import (
    BMI,
    BMI_FROM_YEARS,
    EXAMPLE_FOR,
    FIELD_FOR,
    METHODS,
    SLIP_FACTORS,
    UNIT_FOR,
    ChildBasis,
    GrowthDraft,
    GrowthMeasurement,
    centile_text,
    slip,
    suggestion_text,
    validate,
)
from familyfile.errors import ValidationError

REFERENCE = "uk-who"
SEXES = ("female", "male")
IMPLAUSIBLE_SDS = 8.0
UNUSUAL_SDS = 4.0
LIKELY_SDS = 2.67  # a converted value between the 0.4th and 99.6th centiles is "what was meant"
NEEDS_SEX, NO_REFERENCE = "needs-sex", "no-reference"
T = TypeVar("T")


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """rcpchgrowth prints some of its messages; they must not reach a CLI's JSON output."""
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def _try(work: Callable[[], T]) -> T | None:
    try:
        with quiet():
            return work()
    except Exception:  # the library's "no reference data here" comes as several kinds
        return None


def _gestation(basis: ChildBasis) -> tuple[int, int]:
    """rcpchgrowth's gestation; unknown is taken as 40+0 (no correction)."""
    return (basis.gestation.weeks, basis.gestation.days) if basis.gestation else (40, 0)


@dataclass(frozen=True)
class Ages:
    chronological_years: float
    corrected_years: float

    @property
    def corrected(self) -> bool:
        return abs(self.chronological_years - self.corrected_years) > 1e-9


def ages(basis: ChildBasis, on: date) -> Ages:
    """Decimal ages in years. A date before birth (a date of birth corrected after measurements
    were written down) gets a plain negative age and, further on, no centile — never an error."""
    from rcpchgrowth import chronological_decimal_age, corrected_decimal_age

    if on < basis.born:
        years = (on - basis.born).days / 365.25
        return Ages(years, years)
    weeks, days = _gestation(basis)
    return Ages(chronological_decimal_age(basis.born, on),
                corrected_decimal_age(basis.born, on, weeks, days))


def rcpch_measurement(method: str, value: float, basis: ChildBasis, on: date,
                      sex: str) -> dict[str, Any] | None:
    """rcpchgrowth's whole answer for one value (``Measurement(...).measurement``)."""
    from rcpchgrowth import Measurement

    weeks, days = _gestation(basis)
    return _try(lambda: Measurement(
        birth_date=basis.born, measurement_method=method, observation_date=on,
        observation_value=value, reference=REFERENCE, sex=sex, gestation_weeks=weeks,
        gestation_days=days).measurement)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class Centile:
    """One value on the reference: corrected (shown) and chronological (kept)."""

    method: str
    value: float
    corrected_sds: float | None = None
    corrected_centile: float | None = None
    chronological_sds: float | None = None
    chronological_centile: float | None = None
    problem: str = ""  # NEEDS_SEX or NO_REFERENCE

    @property
    def sds(self) -> float | None:
        return self.corrected_sds

    @property
    def centile(self) -> float | None:
        return self.corrected_centile

    @property
    def text(self) -> str:
        return centile_text(self.corrected_centile)

    @property
    def unit(self) -> str:
        return UNIT_FOR[self.method]


def centile_for(method: str, value: float, basis: ChildBasis, on: date) -> Centile:
    if basis.sex not in SEXES:
        return Centile(method, value, problem=NEEDS_SEX)
    found = rcpch_measurement(method, value, basis, on, basis.sex or "")
    values = (found or {}).get("measurement_calculated_values", {})
    result = Centile(method, value, _number(values.get("corrected_sds")),
                     _number(values.get("corrected_centile")),
                     _number(values.get("chronological_sds")),
                     _number(values.get("chronological_centile")))
    if result.corrected_sds is None:
        return Centile(method, value, problem=NO_REFERENCE)
    return result


@dataclass(frozen=True)
class GrowthResult:
    measurement: GrowthMeasurement
    ages: Ages
    centiles: dict[str, Centile]  # by rcpchgrowth method; BMI from 2 years

    @property
    def needs_sex(self) -> bool:
        return any(c.problem == NEEDS_SEX for c in self.centiles.values())

    @property
    def bmi(self) -> float | None:
        found = self.centiles.get(BMI)
        return found.value if found else None


def calculate(measurement: GrowthMeasurement, basis: ChildBasis) -> GrowthResult:
    on = measurement.measured_on
    found_ages = ages(basis, on)
    methods = list(METHODS)
    if measurement.bmi is not None and found_ages.chronological_years >= BMI_FROM_YEARS:
        methods.append(BMI)
    centiles = {}
    for method in methods:
        value = measurement.value(method)
        if value is not None:
            centiles[method] = centile_for(method, value, basis, on)
    return GrowthResult(measurement, found_ages, centiles)


# -- plausibility -----------------------------------------------------------------------------
def _sds(method: str, value: float, basis: ChildBasis, on: date) -> float | None:
    """The corrected SDS; with the sex unknown, the one nearer 0 of the two."""
    from rcpchgrowth import sds_for_measurement

    found: list[float] = []
    corrected = ages(basis, on).corrected_years
    for sex in ((basis.sex,) if basis.sex in SEXES else SEXES):
        sds = _try(lambda s=sex: sds_for_measurement(REFERENCE, corrected, method, value, s))  # type: ignore[misc]
        if sds is not None:
            found.append(float(sds))
    return min(found, key=abs) if found else None


def _explained(method: str, value: float, basis: ChildBasis, on: date) -> float | None:
    """The value a unit slip (grams, pounds, mm, metres, inches) most likely stands for."""
    best: tuple[float, float] | None = None
    for factor in SLIP_FACTORS[method]:
        meant = value * factor
        sds = _sds(method, meant, basis, on)
        if sds is not None and abs(sds) <= LIKELY_SDS and (best is None or abs(sds) < best[0]):
            best = (abs(sds), meant)
    return best[1] if best else None


def typical_value(method: str, basis: ChildBasis, on: date) -> str:
    """The 50th centile at this age (an example in a message), or "" if there is none."""
    from rcpchgrowth import measurement_from_sds

    corrected = ages(basis, on).corrected_years
    sex = basis.sex if basis.sex in SEXES else "female"
    found = _try(lambda: measurement_from_sds(REFERENCE, 0.0, method, sex, corrected))
    return suggestion_text(method, float(found)) if found else ""


def plausibility(measurement: GrowthMeasurement, basis: ChildBasis, *,
                 confirmed: bool = False) -> list[ValidationError]:
    """Values too far from the reference to be right, by field (empty when all is well)."""
    on = measurement.measured_on
    baby = ages(basis, on).chronological_years < 1
    problems: list[ValidationError] = []
    for method in METHODS:
        value = measurement.value(method)
        sds = None if value is None else _sds(method, value, basis, on)
        if value is None or sds is None or abs(sds) <= UNUSUAL_SDS:
            continue
        meant = _explained(method, value, basis, on)
        field = FIELD_FOR[method]
        if abs(sds) > IMPLAUSIBLE_SDS and meant is not None:
            problems.append(slip(field, method, meant, baby))
        elif abs(sds) > IMPLAUSIBLE_SDS:
            example = typical_value(method, basis, on) or EXAMPLE_FOR[method]
            problems.append(ValidationError(field, "growth-implausible", unit=UNIT_FOR[method],
                                            example=example))
        elif meant is not None and not confirmed:
            problems.append(slip(field, method, meant, baby, soft=True))
    return problems


def check(draft: GrowthDraft, basis: ChildBasis, today: date, *,
          confirmed: bool = False) -> tuple[GrowthMeasurement | None, list[ValidationError]]:
    """Every problem with what was typed, in field order: first the number and its unit,
    then (for values that passed) how far they are from the reference."""
    measurement, problems = validate(draft, basis, today)
    if measurement is not None:
        problems = problems + plausibility(measurement, basis, confirmed=confirmed)
        order = ["measured_on", *FIELD_FOR.values()]
        problems.sort(key=lambda p: order.index(p.field) if p.field in order else len(order))
    return measurement, problems


def is_soft(problem: ValidationError) -> bool:
    """A question ("did you mean …?") that the person may answer "the number is right"."""
    return problem.code.startswith("growth-unusual")
