"""Growth: one measurement (weight, length or height, head) as typed, checked and stored.

Values are stored raw, with the unit in the field name (``weight_kg``, ``height_cm``,
``head_cm``); centiles are worked out on reading (``domain.growth_centiles``), never stored.
The checks here need no reference data: the number, its unit and the date. A unit slip
that is obvious on its own (3400 for a weight in kilograms, "3400 g", "0.65" for a length
in centimetres) is caught here with the value the person probably meant.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile.domain import fields
from familyfile.domain.age import Gestation, due_date
from familyfile.errors import ValidationError

KIND = "growth"

# rcpchgrowth's names for the measurement methods.
WEIGHT, HEIGHT, HEAD, BMI = "weight", "height", "ofc", "bmi"
METHODS = (WEIGHT, HEIGHT, HEAD)
LENGTH, STANDING = "length", "height"  # values of ``length_or_height``
FIELD_FOR = {WEIGHT: "weight_kg", HEIGHT: "height_cm", HEAD: "head_cm"}
UNIT_FOR = {WEIGHT: "kg", HEIGHT: "cm", HEAD: "cm", BMI: "kg/m²"}
EXAMPLE_FOR = {WEIGHT: "7.9", HEIGHT: "68.5", HEAD: "42.5"}
NOTES_MAX = 1000
BMI_FROM_YEARS = 2

# Hard limits that no child's measurement crosses: beyond them the unit must be wrong.
LIMITS = {WEIGHT: (0.2, 250.0), HEIGHT: (15.0, 250.0), HEAD: (12.0, 75.0)}
# Other units a person may type, and the factor to the stored unit.
OTHER_UNITS = {
    WEIGHT: {"g": 0.001, "gram": 0.001, "grams": 0.001, "lb": 0.45359237, "lbs": 0.45359237,
             "pound": 0.45359237, "pounds": 0.45359237, "oz": 0.028349523},
    HEIGHT: {"mm": 0.1, "m": 100.0, "in": 2.54, "inch": 2.54, "inches": 2.54},
    HEAD: {"mm": 0.1, "m": 100.0, "in": 2.54, "inch": 2.54, "inches": 2.54},
}
# Factors that explain a plain number typed in another unit: beyond the hard limits, and
# (checked against the reference, in domain.growth_centiles) for the child's age.
LIMIT_FACTORS = {WEIGHT: (0.001,), HEIGHT: (0.1, 100.0), HEAD: (0.1, 100.0)}
SLIP_FACTORS = {
    WEIGHT: (0.001, 0.45359237),  # grams, pounds
    HEIGHT: (0.1, 100.0, 2.54),  # millimetres, metres, inches
    HEAD: (0.1, 2.54),
}
_NUMBER = re.compile(r"^\s*([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\s*([A-Za-z]*)\.?\s*$")


@dataclass(frozen=True)
class GrowthDraft:
    """What a person typed, before it is checked (numbers as text)."""

    measured_on: str
    weight_kg: str = ""
    height_cm: str = ""
    head_cm: str = ""
    length_or_height: str = ""  # "" = lying under 2 years, standing from 2
    measured_by: str = ""
    measured_where: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ChildBasis:
    """What the growth rules need to know about the child."""

    born: date
    sex: str | None = None  # "female", "male" or None (not recorded yet)
    gestation: Gestation | None = None


@dataclass(frozen=True)
class GrowthMeasurement:
    measured_on: date
    weight_kg: float | None = None
    height_cm: float | None = None
    head_cm: float | None = None
    length_or_height: str = LENGTH
    measured_by: str = ""
    measured_where: str = ""
    notes: str = ""

    def value(self, method: str) -> float | None:
        if method == BMI:
            return self.bmi
        return {WEIGHT: self.weight_kg, HEIGHT: self.height_cm, HEAD: self.head_cm}[method]

    @property
    def bmi(self) -> float | None:
        """Weight (kg) / height (m)², when both were measured."""
        if not self.weight_kg or not self.height_cm:
            return None
        return self.weight_kg / (self.height_cm / 100) ** 2

    def to_data(self) -> dict[str, Any]:
        return {"measured_on": self.measured_on.isoformat(), "weight_kg": self.weight_kg,
                "height_cm": self.height_cm, "head_cm": self.head_cm,
                "length_or_height": self.length_or_height, "measured_by": self.measured_by,
                "measured_where": self.measured_where, "notes": self.notes}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> GrowthMeasurement:
        def number(key: str) -> float | None:
            value = data.get(key)
            return float(value) if isinstance(value, int | float) else None

        return cls(date.fromisoformat(data["measured_on"]), number("weight_kg"), number("height_cm"),
                   number("head_cm"), data.get("length_or_height") or LENGTH,
                   data.get("measured_by", ""), data.get("measured_where", ""), data.get("notes", ""))

    def to_draft(self) -> GrowthDraft:
        """Back to text, for changing it in a form."""
        return GrowthDraft(self.measured_on.isoformat(), number_text(self.weight_kg),
                           number_text(self.height_cm), number_text(self.head_cm),
                           self.length_or_height, self.measured_by, self.measured_where, self.notes)


# -- reading numbers --------------------------------------------------------------------------
def number_text(value: float | None) -> str:
    """3.4 → "3.4", 3.45 → "3.45", 65.0 → "65" (as a person would type it)."""
    if value is None:
        return ""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def suggestion_text(method: str, value: float) -> str:
    return f"{value:.{2 if method == WEIGHT else 1}f}".rstrip("0").rstrip(".")


def slip(field: str, method: str, suggested: float, baby: bool, *, soft: bool = False) -> ValidationError:
    """"The weight looks unusual for a baby — did you mean 3.4 kg?" (soft: may be confirmed)."""
    code = ("growth-unusual" if soft else "growth-unit-slip") + ("-baby" if baby else "")
    return ValidationError(field, code, suggestion=suggestion_text(method, suggested),
                           unit=UNIT_FOR[method])


def parse_value(method: str, raw: str, baby: bool) -> float | None:
    """A number in the stored unit, or None when left blank; raises on a slip or a typo."""
    field = FIELD_FOR[method]
    text = raw.strip()
    if not text:
        return None
    found = _NUMBER.match(text)
    if not found:
        raise ValidationError(field, "growth-number", example=EXAMPLE_FOR[method])
    value = float(found.group(1).replace(",", "."))
    unit = found.group(2).lower()
    if unit and unit != UNIT_FOR[method]:
        factor = OTHER_UNITS[method].get(unit)
        if factor is None:
            raise ValidationError(field, "growth-number", example=EXAMPLE_FOR[method])
        raise slip(field, method, value * factor, baby)
    if value <= 0:
        raise ValidationError(field, "growth-positive")
    low, high = LIMITS[method]
    if not low <= value <= high:
        for factor in LIMIT_FACTORS[method]:
            if low <= value * factor <= high:
                raise slip(field, method, value * factor, baby)
        raise ValidationError(field, "growth-implausible", unit=UNIT_FOR[method],
                              example=EXAMPLE_FOR[method])
    return round(value, 3)


# -- the checks that need no reference data -------------------------------------------------
def years_between(born: date, on: date) -> float:
    return (on - born).days / 365.25


def default_length_or_height(born: date, on: date) -> str:
    """Lying down (length) under 2 years, standing (height) from 2."""
    return LENGTH if years_between(born, on) < BMI_FROM_YEARS else STANDING


def validate(draft: GrowthDraft, basis: ChildBasis,
             today: date) -> tuple[GrowthMeasurement | None, list[ValidationError]]:
    """The measurement built from what was typed, and every problem in field order.

    The measurement is None only when there is no usable date or no value at all;
    values with a problem are left out of it (so the other values can still be checked).
    """
    problems = fields.Problems()
    measured_on = problems.check(lambda: fields.required_date("measured_on", draft.measured_on, today),
                                 None)
    if measured_on is not None and measured_on < basis.born:
        problems.found.append(ValidationError("measured_on", "before-birth"))
        measured_on = None
    baby = years_between(basis.born, measured_on or today) < 1
    values: dict[str, float | None] = {}
    for method in METHODS:
        try:
            values[method] = parse_value(method, getattr(draft, FIELD_FOR[method]), baby)
        except ValidationError as exc:
            values[method] = None
            problems.found.append(exc)
    typed_any = any(getattr(draft, FIELD_FOR[m]).strip() for m in METHODS)
    if not typed_any:
        problems.found.append(ValidationError("weight_kg", "growth-one-value"))
    chosen = draft.length_or_height.strip().lower()
    if chosen not in ("", LENGTH, STANDING):
        problems.found.append(ValidationError("length_or_height", "bad-choice"))
        chosen = ""
    measured_by = problems.check(lambda: fields.text("measured_by", draft.measured_by), "")
    measured_where = problems.check(lambda: fields.text("measured_where", draft.measured_where), "")
    notes = problems.check(lambda: fields.text("notes", draft.notes, max_len=NOTES_MAX), "")
    if measured_on is None or not any(v is not None for v in values.values()):
        return None, problems.found
    return GrowthMeasurement(
        measured_on, values[WEIGHT], values[HEIGHT], values[HEAD],
        chosen or default_length_or_height(basis.born, measured_on),
        measured_by, measured_where, notes), problems.found


# -- words ------------------------------------------------------------------------------------
def format_value(method: str, value: float | None) -> str:
    """"3.45 kg", "65.5 cm", "16.2 kg/m²" (one decimal for lengths and BMI, as typed for weight)."""
    if value is None:
        return ""
    shown = number_text(value) if method == WEIGHT else f"{value:.1f}"
    return f"{shown} {UNIT_FOR[method]}"


def centile_text(centile: float | None) -> str:
    """The RCPCH way: whole numbers, one decimal below 1 or above 99, "<0.4" and ">99.6"."""
    if centile is None or math.isnan(centile):
        return ""
    if centile < 0.4:
        return "<0.4"
    if centile > 99.6:
        return ">99.6"
    if centile < 1:
        return f"{min(0.9, max(0.4, round(centile, 1))):.1f}"
    if centile > 99:
        return f"{max(99.1, min(99.6, round(centile, 1))):.1f}"
    return str(min(99, max(1, math.floor(centile + 0.5))))


def corrected_age_text(basis: ChildBasis, on: date) -> str:
    """The age corrected for prematurity ("3 weeks"), or the weeks of pregnancy before the
    due date ("35+2 weeks of pregnancy"); "" for a baby born at term or gestation unknown."""
    from familyfile.domain.child import age_text
    from familyfile.i18n import _

    gestation = basis.gestation
    if gestation is None or not gestation.preterm:
        return ""
    due = due_date(basis.born, gestation)
    if on >= due:
        return age_text(due, on)
    days = gestation.total_days + (on - basis.born).days
    return _("{weeks}+{days} weeks of pregnancy").format(weeks=days // 7, days=days % 7)
