"""Birth and newborn: gestation, birth measurements, NIPE, hearing and blood spot screening.

One entry of kind ``birth`` per child. ``gestation_weeks``/``gestation_days`` are the
keys other sections read (services.child_facts).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from familyfile.domain.age import Gestation
from familyfile.errors import ValidationError

KIND = "birth"

BIRTH_TYPES = ("vaginal", "assisted", "planned_caesarean", "emergency_caesarean", "unknown")
PLACES = ("hospital", "birth_centre", "home", "other", "unknown")
NIPE_CHECKS = ("eyes", "heart", "hips", "testes")
NIPE_OUTCOMES = ("no_concerns", "referred", "not_done")
HEARING_OUTCOMES = ("clear_response", "referral", "not_done")
BLOOD_SPOT_CONDITIONS = ("sickle_cell", "cystic_fibrosis", "congenital_hypothyroidism", "pku", "mcadd",
                         "msud", "iva", "ga1", "hcu", "ht1")
BLOOD_SPOT_RESULTS = ("not_suspected", "suspected", "not_tested", "carrier")

# Plausible ranges for newborn measurements (a unit slip falls well outside them).
BIRTH_WEIGHT_KG = (0.3, 6.5)
BIRTH_HEAD_CM = (18.0, 42.0)


@dataclass(frozen=True)
class Birth:
    gestation_weeks: int | None = None
    gestation_days: int | None = None
    birth_weight_kg: float | None = None
    birth_head_cm: float | None = None
    place: str = "unknown"
    place_name: str = ""
    birth_type: str = "unknown"
    nipe_72h: dict[str, str] = field(default_factory=dict)
    nipe_6_8_weeks: dict[str, str] = field(default_factory=dict)
    hearing_left: str = ""
    hearing_right: str = ""
    blood_spot: dict[str, str] = field(default_factory=dict)
    notes: str = ""

    @property
    def gestation(self) -> Gestation | None:
        if self.gestation_weeks is None:
            return None
        return Gestation(self.gestation_weeks, self.gestation_days or 0)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Birth:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def _check_choice(problems: list[ValidationError], field_name: str, value: str,
                  allowed: tuple[str, ...]) -> None:
    if value and value not in allowed:
        problems.append(ValidationError(field_name, "bad-choice"))


def _check_range(problems: list[ValidationError], field_name: str, value: float | None,
                 bounds: tuple[float, float], unit_hint: str) -> None:
    if value is None:
        return
    low, high = bounds
    if not low <= value <= high:
        suggestion = _suggest(value, bounds)
        code = "unit-slip" if suggestion is not None else "out-of-range"
        problems.append(ValidationError(field_name, code, min=low, max=high, unit=unit_hint,
                                        suggestion=suggestion if suggestion is not None else ""))


def _suggest(value: float, bounds: tuple[float, float]) -> float | None:
    """A likely meant value when a unit slip explains it (grams for kg, mm for cm)."""
    for factor in (1000.0, 10.0, 100.0):
        for candidate in (value / factor, value * factor):
            if bounds[0] <= candidate <= bounds[1]:
                return round(candidate, 3)
    return None


def validate(birth: Birth) -> list[ValidationError]:
    problems: list[ValidationError] = []
    if birth.gestation_weeks is not None:
        try:
            Gestation(birth.gestation_weeks, birth.gestation_days or 0)
        except ValidationError as exc:
            problems.append(exc)
    elif birth.gestation_days:
        problems.append(ValidationError("gestation_weeks", "required"))
    _check_range(problems, "birth_weight_kg", birth.birth_weight_kg, BIRTH_WEIGHT_KG, "kg")
    _check_range(problems, "birth_head_cm", birth.birth_head_cm, BIRTH_HEAD_CM, "cm")
    _check_choice(problems, "place", birth.place, PLACES)
    _check_choice(problems, "birth_type", birth.birth_type, BIRTH_TYPES)
    for name, results in (("nipe_72h", birth.nipe_72h), ("nipe_6_8_weeks", birth.nipe_6_8_weeks)):
        for check, outcome in results.items():
            if check not in NIPE_CHECKS or outcome not in NIPE_OUTCOMES:
                problems.append(ValidationError(name, "bad-choice"))
    _check_choice(problems, "hearing_left", birth.hearing_left, HEARING_OUTCOMES)
    _check_choice(problems, "hearing_right", birth.hearing_right, HEARING_OUTCOMES)
    for condition, result in birth.blood_spot.items():
        if condition not in BLOOD_SPOT_CONDITIONS or result not in BLOOD_SPOT_RESULTS:
            problems.append(ValidationError("blood_spot", "bad-choice"))
        elif result == "carrier" and condition != "sickle_cell":
            problems.append(ValidationError("blood_spot", "carrier-only-sickle-cell"))
    return problems
