"""Ages: chronological, and corrected for babies born before 37 weeks.

Corrected age = chronological age − (40 weeks − gestation at birth). The NHS and RCPCH
use it for babies born before 37 weeks, until about 2 years (the growth charts apply
their own rules through rcpchgrowth).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from familyfile.errors import ValidationError

TERM_DAYS = 40 * 7
PRETERM_BEFORE_WEEKS = 37
CORRECT_UNTIL_DAYS = 2 * 365 + 1


@dataclass(frozen=True)
class Gestation:
    weeks: int
    days: int = 0

    def __post_init__(self) -> None:
        if not 22 <= self.weeks <= 44:
            raise ValidationError("gestation_weeks", "out-of-range", min=22, max=44)
        if not 0 <= self.days <= 6:
            raise ValidationError("gestation_days", "out-of-range", min=0, max=6)

    @property
    def total_days(self) -> int:
        return self.weeks * 7 + self.days

    @property
    def preterm(self) -> bool:
        return self.weeks < PRETERM_BEFORE_WEEKS

    def __str__(self) -> str:
        return f"{self.weeks}+{self.days}"


def age_days(born: date, on: date) -> int:
    return (on - born).days


def corrected_age_days(born: date, gestation: Gestation | None, on: date) -> int:
    """Age in days, corrected for prematurity where that applies (else chronological)."""
    days = age_days(born, on)
    if gestation is None or not gestation.preterm or days >= CORRECT_UNTIL_DAYS:
        return days
    return days - (TERM_DAYS - gestation.total_days)


def due_date(born: date, gestation: Gestation) -> date:
    """The date the baby would have reached 40 weeks."""
    return born + timedelta(days=TERM_DAYS - gestation.total_days)
