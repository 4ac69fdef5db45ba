from __future__ import annotations

from datetime import date

import pytest

from familyfile import errors
from familyfile.domain.age import Gestation, corrected_age_days, due_date

BORN = date(2026, 1, 1)


def test_preterm_age_is_corrected_by_the_weeks_missed() -> None:
    g = Gestation(33, 2)  # 6 weeks 5 days early = 47 days
    assert corrected_age_days(BORN, g, date(2026, 3, 1)) == 59 - 47
    assert due_date(BORN, g) == date(2026, 2, 17)


def test_term_babies_and_unknown_gestation_are_not_corrected() -> None:
    assert corrected_age_days(BORN, Gestation(37, 0), date(2026, 3, 1)) == 59
    assert corrected_age_days(BORN, None, date(2026, 3, 1)) == 59


def test_correction_stops_at_two_years() -> None:
    on = date(2028, 1, 2)
    assert corrected_age_days(BORN, Gestation(30, 0), on) == (on - BORN).days


@pytest.mark.parametrize(("weeks", "days"), [(21, 0), (45, 0), (30, 7), (30, -1)])
def test_impossible_gestations_are_refused(weeks: int, days: int) -> None:
    with pytest.raises(errors.ValidationError):
        Gestation(weeks, days)
