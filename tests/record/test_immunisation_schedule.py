"""The UK schedule as data: due dates across the 1 July 2025 and 1 January 2026 changes,
status on a fixed day, given abroad, declined, and the record's checks and round trip."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.domain import immunisations as rules
from familyfile.domain.immunisation_schedule import add_age, doses_for, load
from familyfile.domain.immunisations import DoseDraft, DoseRecord
from familyfile.errors import ValidationError

D = date.fromisoformat


def plan(born: str, **kwargs: object) -> dict[str, list[tuple[str, int]]]:
    """Appointment -> [(vaccine, dose)], and every due date checked against its age."""
    found: dict[str, list[tuple[str, int]]] = {}
    for dose in doses_for(D(born), **kwargs):  # type: ignore[arg-type]
        found.setdefault(dose.appointment, []).append((dose.vaccine, dose.dose))
    return found


def due(born: str, appointment: str) -> date:
    days = {d.due for d in doses_for(D(born)) if d.appointment == appointment}
    assert len(days) == 1
    return days.pop()


OLD_INFANT = {"8w": [("6in1", 1), ("menb", 1), ("rotavirus", 1)],
              "12w": [("6in1", 2), ("pcv", 1), ("rotavirus", 2)],
              "16w": [("6in1", 3), ("menb", 2)]}
NEW_INFANT = {"8w": [("6in1", 1), ("menb", 1), ("rotavirus", 1)],
              "12w": [("6in1", 2), ("menb", 2), ("rotavirus", 2)],
              "16w": [("6in1", 3), ("pcv", 1)]}


# -- cohorts --------------------------------------------------------------------------------------
def test_born_march_2024_follows_the_old_pattern_with_mmrv_at_3y4m() -> None:
    found = plan("2024-03-15")
    assert {k: found[k] for k in OLD_INFANT} == OLD_INFANT
    assert found["1y"] == [("hib_menc", 1), ("mmr", 1), ("pcv", 2), ("menb", 3)]
    assert "18m" not in found
    # Born 1 Sep 2022 – 30 Jun 2024: the second MMR-containing dose is MMRV at 3y4m.
    assert found["3y4m"] == [("4in1", 1), ("mmrv", 2)]
    assert [due("2024-03-15", a) for a in ("8w", "12w", "16w", "1y", "3y4m")] == [
        D("2024-05-10"), D("2024-06-07"), D("2024-07-05"), D("2025-03-15"), D("2027-07-15")]
    # Born before 1 Sep 2022: MMR (its 3y4m fell due before 2026).
    assert plan("2022-03-01")["3y4m"] == [("4in1", 1), ("mmr", 2)]
    assert plan("2022-09-01")["3y4m"] == [("4in1", 1), ("mmrv", 2)]


def test_born_september_2024_no_hib_menc_and_an_18_month_appointment() -> None:
    found = plan("2024-09-01")
    assert {k: found[k] for k in OLD_INFANT} == OLD_INFANT  # 12 weeks fell due in Nov 2024
    assert found["1y"] == [("pcv", 2), ("menb", 3), ("mmr", 1)]
    assert found["18m"] == [("6in1", 4), ("mmrv", 2)]
    assert found["3y4m"] == [("4in1", 1), ("mmrv", 3)]
    assert due("2024-09-01", "18m") == D("2026-03-01")
    assert due("2024-09-01", "3y4m") == D("2028-01-01")


def test_born_february_2025_keeps_the_old_infant_pattern() -> None:
    # 12 weeks falls due on 26 April 2025 and 16 weeks on 24 May 2025: both before 1 July 2025.
    assert due("2025-02-01", "12w") == D("2025-04-26")
    found = plan("2025-02-01")
    assert {k: found[k] for k in OLD_INFANT} == OLD_INFANT
    assert found["1y"] == [("pcv", 2), ("menb", 3), ("mmrv", 1)]
    assert found["18m"] == [("6in1", 4), ("mmrv", 2)]
    assert found["3y4m"] == [("4in1", 1)]


def test_born_march_2025_is_also_old_pattern_at_12_and_16_weeks() -> None:
    # A child born 1 March 2025 has the 12-week doses due on 24 May 2025, 16-week on 21 June
    # 2025 — both before 1 July 2025, so the old pattern applies to them.
    assert due("2025-03-01", "12w") == D("2025-05-24")
    assert due("2025-03-01", "16w") == D("2025-06-21")
    found = plan("2025-03-01")
    assert {k: found[k] for k in OLD_INFANT} == OLD_INFANT
    assert found["1y"] == [("pcv", 2), ("menb", 3), ("mmrv", 1)]


def test_the_16_week_doses_follow_the_12_week_pattern() -> None:
    # Born 20 March 2025: 12 weeks due 12 June (old), 16 weeks due 10 July 2025 (after the change).
    assert due("2025-03-20", "16w") == D("2025-07-10")
    found = plan("2025-03-20")
    assert found["16w"] == [("6in1", 3), ("menb", 2)]  # never PCV twice and MenB once
    # The 12-week doses were really given on 3 July 2025: the new pattern for both.
    late = plan("2025-03-20", infant_pattern_date=D("2025-07-03"))
    assert {k: late[k] for k in NEW_INFANT} == NEW_INFANT


@pytest.mark.parametrize(("born", "pattern"), [("2025-04-07", OLD_INFANT), ("2025-04-08", NEW_INFANT),
                                               ("2025-06-01", NEW_INFANT)])
def test_the_day_the_12_week_doses_fall_due_decides(born: str, pattern: dict[str, object]) -> None:
    found = plan(born)
    assert {k: found[k] for k in pattern} == pattern


def test_born_june_2025_new_pattern_throughout() -> None:
    found = plan("2025-06-01")
    assert found["1y"] == [("pcv", 2), ("menb", 3), ("mmrv", 1)]
    assert [due("2025-06-01", a) for a in ("8w", "12w", "16w", "1y", "18m", "3y4m")] == [
        D("2025-07-27"), D("2025-08-24"), D("2025-09-21"), D("2026-06-01"), D("2026-12-01"),
        D("2028-10-01")]


def test_ages_never_fall_early_and_plans_start_in_2020() -> None:
    assert doses_for(D("2019-12-31")) == [] and doses_for(D("2020-01-01"))
    assert add_age(D("2024-02-29"), {"years": 1}) == D("2025-03-01")
    assert add_age(D("2024-08-31"), {"months": 18}) == D("2026-03-01")
    assert add_age(D("2024-01-31"), {"years": 3, "months": 4}) == D("2027-05-31")
    assert add_age(D("2024-12-15"), {"weeks": 8}) == D("2025-02-09")


# -- status on a fixed day ------------------------------------------------------------------------
def first(vaccine: str, dose: int, born: str = "2025-06-01") -> rules.PlannedDose:
    return next(p for p in doses_for(D(born)) if (p.vaccine, p.dose) == (vaccine, dose))


def state(planned: rules.PlannedDose, today: date, *records: DoseRecord) -> str:
    return rules.status([planned], list(records), today)[0].state


def test_status_moves_from_upcoming_to_due_to_overdue() -> None:
    dose = first("6in1", 2)  # due 24 Aug 2025
    assert state(dose, dose.due - timedelta(days=1)) == rules.UPCOMING
    assert state(dose, dose.due) == rules.DUE
    assert state(dose, dose.due + timedelta(days=27)) == rules.DUE
    assert dose.overdue_from == dose.due + timedelta(days=28)
    assert state(dose, dose.overdue_from) == rules.OVERDUE


def test_given_declined_and_given_after_declining() -> None:
    dose = first("menb", 2)
    later = dose.due + timedelta(days=60)
    given = DoseRecord(dose.due + timedelta(days=3), "menb", 2)
    declined = DoseRecord(dose.due, "menb", 2, declined=True)
    assert state(dose, later, given) == rules.GIVEN
    assert state(dose, later, declined) == rules.DECLINED
    assert state(dose, later, declined, given) == rules.GIVEN
    assert state(dose, later, DoseRecord(dose.due, "menb", 1)) == rules.OVERDUE  # another dose


def test_given_abroad_counts_as_given_and_says_where() -> None:
    dose = first("mmrv", 1)
    abroad = rules.build(DoseDraft(dose.due.isoformat(), "mmrv", "1", abroad=True, country="France"),
                         D("2025-06-01"), D("2026-11-22"))
    found = rules.status([dose], {"a": abroad}, D("2026-11-22"))[0]
    assert (found.state, found.record_key, found.on) == (rules.GIVEN, "a", dose.due)
    assert found.record is not None and found.record.country == "France"


def test_mmr_and_mmrv_count_as_one_series() -> None:
    dose = first("mmr", 1, born="2024-09-01")
    assert state(dose, D("2026-01-01"), DoseRecord(D("2025-09-10"), "mmrv", 1)) == rules.GIVEN


def test_mmrv_at_3y4m_not_needed_when_the_1_year_dose_was_mmrv() -> None:
    plan_ = doses_for(D("2024-09-01"))
    at_1y = DoseRecord(D("2025-12-20"), "mmrv", 1)
    rows = {(r.planned.vaccine, r.planned.dose): r.state
            for r in rules.status(plan_, [at_1y], D("2028-02-01"))}
    assert rows[("mmr", 1)] == rules.GIVEN and rows[("mmrv", 3)] == rules.NOT_NEEDED


def test_rotavirus_is_too_late_after_24_weeks() -> None:
    dose = first("rotavirus", 1)
    assert dose.latest == D("2025-06-01") + timedelta(weeks=24, days=-1)
    assert state(dose, dose.latest) == rules.OVERDUE
    assert state(dose, dose.latest + timedelta(days=1)) == rules.TOO_LATE


def test_records_matching_no_planned_dose_are_returned() -> None:
    rows, extra = rules.match(doses_for(D("2025-06-01")),
                              {"bcg": DoseRecord(D("2025-06-10"), "bcg", 1),
                               "x": DoseRecord(D("2025-07-28"), "6in1", 1)}, D("2025-08-01"))
    assert extra == ["bcg"] and rows[0].record_key == "x"


def test_the_next_dose_number_is_worked_out_from_the_date() -> None:
    plan_ = doses_for(D("2025-06-01"))
    assert rules.next_dose_number("6in1", D("2025-07-28"), plan_, []) == 1
    assert rules.next_dose_number("6in1", D("2025-08-25"), plan_, []) == 2  # dose 1 not typed yet
    given = [DoseRecord(D("2025-07-28"), "6in1", 1)]
    assert rules.next_dose_number("6in1", D("2025-07-30"), plan_, given) == 2
    assert rules.next_dose_number("bcg", D("2025-07-30"), plan_, []) is None
    assert rules.next_dose_number("flu", D("2027-10-01"), plan_,
                                  [DoseRecord(D("2026-10-01"), "flu", 1)]) == 2


def test_infant_pattern_date_comes_from_a_given_12_week_dose() -> None:
    records = [DoseRecord(D("2025-07-03"), "rotavirus", 2), DoseRecord(D("2025-07-05"), "6in1", 2),
               DoseRecord(D("2025-06-01"), "6in1", 2, declined=True)]
    assert rules.infant_pattern_date(records) == D("2025-07-03")
    assert rules.infant_pattern_date([]) is None


# -- the record -----------------------------------------------------------------------------------
BORN, TODAY = D("2025-06-01"), D("2026-11-22")


def codes(draft: DoseDraft) -> list[tuple[str | None, str]]:
    return [(p.field, p.code) for p in rules.validate(draft, BORN, TODAY)]


@pytest.mark.parametrize(("draft", "expected"), [
    (DoseDraft("2025-05-31", "6in1"), ("vaccination_date", "before-birth")),
    (DoseDraft("2026-11-23", "6in1"), ("vaccination_date", "date-in-future")),
    (DoseDraft("31/2/2026", "6in1"), ("vaccination_date", "date-format-uk")),
    (DoseDraft("", "6in1"), ("vaccination_date", "required")),
    (DoseDraft("2025-08-01", ""), ("vaccine", "bad-choice")),
    (DoseDraft("2025-08-01", "smallpox"), ("vaccine", "bad-choice")),
    (DoseDraft("2025-08-01", "other"), ("vaccine_name", "required")),
    (DoseDraft("2025-08-01", "6in1", dose="12"), ("dose_number", "out-of-range")),
    (DoseDraft("2025-08-01", "6in1", batch="A" * 21), ("batch", "too-long")),
    (DoseDraft("2025-08-01", "6in1", batch="AB#12"), ("batch", "batch-format")),
    (DoseDraft("2025-08-01", "6in1", site="bottom"), ("injection_site", "bad-choice")),
    (DoseDraft("2025-08-01", "6in1", route="magic"), ("route", "bad-choice")),
    (DoseDraft("2025-08-01", "6in1", abroad=True), ("country", "required")),
    (DoseDraft("2025-08-01", "6in1", declined=True, batch="AB12"), ("batch", "not-when-declined")),
    (DoseDraft("2025-08-01", "6in1", declined=True, abroad=True, country="Spain"),
     ("country", "not-when-declined")),
])
def test_each_problem_names_its_field(draft: DoseDraft, expected: tuple[str, str]) -> None:
    assert codes(draft) == [expected]
    with pytest.raises(ValidationError):
        rules.build(draft, BORN, TODAY)


def test_every_problem_is_listed_in_form_order() -> None:
    assert [f for f, _c in codes(DoseDraft("tomorrow", "", batch="!!", abroad=True))] == [
        "vaccine", "vaccination_date", "batch", "country"]


@pytest.mark.parametrize("text", ["2025-08-01", "1/8/2025", "01-08-2025", "1.8.2025", "1 8 2025"])
def test_dates_as_people_write_them(text: str) -> None:
    assert rules.parse_day("vaccination_date", text) == D("2025-08-01")


def test_a_record_round_trips_through_json() -> None:
    record = rules.build(DoseDraft(" 28/7/2025 ", "6in1", "1", product=" Infanrix  hexa ",
                                   batch="AB123C", site="left_thigh", route="intramuscular",
                                   given_by="Practice nurse", place="Riverside Surgery"), BORN, TODAY)
    assert record.product == "Infanrix hexa" and record.snomed == "871895005"
    data = json.loads(json.dumps(record.to_data()))
    assert DoseRecord.from_data(data) == record
    assert DoseRecord.from_data({**data, "unknown_later_field": 1}) == record
    declined = rules.build(DoseDraft("2025-08-01", "rotavirus", declined=True, place="GP"), BORN, TODAY)
    assert (declined.declined, declined.place, declined.batch) == (True, "GP", "")


@settings(max_examples=60, deadline=None)
@given(st.builds(DoseRecord, on=st.dates(D("2020-01-01"), D("2030-12-31")),
                 vaccine=st.sampled_from([*load().vaccines, "other"]),
                 dose=st.none() | st.integers(1, 9), vaccine_name=st.text(max_size=20),
                 declined=st.booleans(), batch=st.text(max_size=20), abroad=st.booleans(),
                 country=st.text(max_size=20)))
def test_any_record_round_trips(record: DoseRecord) -> None:
    assert DoseRecord.from_data(json.loads(json.dumps(record.to_data()))) == record


# -- properties of the plan -----------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.dates(D("2020-01-01"), D("2031-12-31")))
def test_every_plan_is_sorted_after_birth_and_numbers_doses_from_one(born: date) -> None:
    planned = doses_for(born)
    schedule = load()
    dues = [p.due for p in planned]
    assert dues == sorted(dues) and all(d >= born for d in dues)
    assert all(p.overdue_from == p.due + timedelta(days=28) for p in planned)
    series: dict[str, list[int]] = {}
    for p in planned:
        series.setdefault(schedule.series(p.vaccine), []).append(p.dose)
    assert all(numbers == list(range(1, len(numbers) + 1)) for numbers in series.values()), series
    assert {"6in1", "menb", "rotavirus", "pcv", "mmr", "4in1"} <= set(series)


def test_the_data_file_is_consistent() -> None:
    schedule = load()
    assert schedule.version >= 1 and schedule.sources and schedule.verify
    assert [e.in_force_from for e in schedule.editions] == [D("2020-01-01"), D("2025-07-01"),
                                                            D("2026-01-01")]
    keys = {a["key"] for a in schedule.appointments}
    for edition in schedule.editions:
        assert set(edition.appointments) <= keys
        for items in edition.appointments.values():
            for item in items:
                assert item["vaccine"] in schedule.vaccines
                assert all(c in schedule.cohorts for c in item.get("cohorts", []))
    assert {k for k, v in schedule.vaccines.items() if not v.routine} == {"bcg", "hepb", "flu"}
