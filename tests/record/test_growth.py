"""Growth: centiles from rcpchgrowth, unit slips, plausibility, storage, history, chart data."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rcpchgrowth import Measurement, sds_for_measurement

from familyfile import cli, errors
from familyfile.clock import FixedClock
from familyfile.domain import growth as rules
from familyfile.domain import growth_centiles as centiles
from familyfile.domain.age import Gestation
from familyfile.domain.growth import ChildBasis, GrowthDraft, GrowthMeasurement, centile_text
from familyfile.domain.growth_chart import CENTILES, SEGMENTS, centile_lines
from familyfile.messages import validation_message
from familyfile.services import growth
from familyfile.services.session import FamilySession
from tests.conftest import PASSPHRASE

BORN = date(2024, 3, 1)  # make_family's child
TODAY = date(2024, 9, 1)


@pytest.fixture
def baby(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2024, 9, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id


def facts(session: FamilySession, child_id: str, sex: str | None = "female",
          gestation: tuple[int, int] | None = None) -> None:
    if sex:
        session.records.add(child_id=child_id, kind="about_me", data={"sex": sex}, occurred_on=None)
    if gestation:
        session.records.add(child_id=child_id, kind="birth", occurred_on=None,
                            data={"gestation_weeks": gestation[0], "gestation_days": gestation[1]})


def direct(method: str, value: float, on: date, sex: str, weeks: int = 0, days: int = 0) -> dict:
    return Measurement(birth_date=BORN, measurement_method=method, observation_date=on,
                       observation_value=value, reference="uk-who", sex=sex,
                       gestation_weeks=weeks, gestation_days=days).measurement


# -- centiles equal rcpchgrowth's -----------------------------------------------------------
@pytest.mark.parametrize("gestation", [None, (33, 2)])
def test_saved_centiles_equal_rcpchgrowth_called_directly(baby: tuple[FamilySession, str],
                                                          gestation: tuple[int, int] | None) -> None:
    session, child_id = baby
    facts(session, child_id, "male", gestation)
    on = date(2024, 6, 3)
    saved = growth.add(session, child_id, GrowthDraft(on.isoformat(), "4.9", "55.2", "37.1"))
    weeks, days = gestation or (0, 0)
    for method, value in (("weight", 4.9), ("height", 55.2), ("ofc", 37.1)):
        expected = direct(method, value, on, "male", weeks, days)["measurement_calculated_values"]
        found = saved.result.centiles[method]
        assert found.corrected_sds == pytest.approx(expected["corrected_sds"], abs=1e-12)
        assert found.corrected_centile == pytest.approx(expected["corrected_centile"], abs=1e-9)
        assert found.chronological_sds == pytest.approx(expected["chronological_sds"], abs=1e-12)
        assert found.chronological_centile == pytest.approx(expected["chronological_centile"],
                                                            abs=1e-9)
        assert found.sds == found.corrected_sds  # the corrected value is the one shown
    assert saved.result.ages.corrected == (gestation is not None)
    if gestation:
        assert saved.corrected_age_text  # the table says the corrected age too


@settings(max_examples=40, deadline=None)
@given(days=st.integers(0, 700), weight=st.floats(2.0, 14.0), sex=st.sampled_from(["female", "male"]),
       gestation=st.sampled_from([None, Gestation(33, 2), Gestation(27, 0), Gestation(39, 4)]))
def test_any_plausible_weight_has_rcpchgrowth_centiles(days: int, weight: float, sex: str,
                                                        gestation: Gestation | None) -> None:
    on = BORN + timedelta(days=days)
    basis = ChildBasis(BORN, sex, gestation)
    found = centiles.calculate(GrowthMeasurement(on, weight_kg=weight), basis).centiles["weight"]
    weeks, extra = (gestation.weeks, gestation.days) if gestation else (0, 0)
    expected = direct("weight", weight, on, sex, weeks, extra)["measurement_calculated_values"]
    if expected["corrected_sds"] is None:
        assert found.problem == centiles.NO_REFERENCE
    else:
        assert found.corrected_sds == pytest.approx(expected["corrected_sds"], abs=1e-12)
        assert found.text == centile_text(expected["corrected_centile"])


def test_bmi_is_derived_only_from_two_years() -> None:
    basis = ChildBasis(date(2020, 1, 1), "female")
    young = centiles.calculate(GrowthMeasurement(date(2021, 6, 1), 9.5, 76.0), basis)
    older = centiles.calculate(GrowthMeasurement(date(2022, 6, 1), 12.5, 88.0), basis)
    assert "bmi" not in young.centiles
    bmi = 12.5 / 0.88 ** 2
    assert older.bmi == pytest.approx(bmi)
    assert older.centiles["bmi"].corrected_sds == pytest.approx(
        sds_for_measurement("uk-who", older.ages.corrected_years, "bmi", bmi, "female"))


def test_without_the_sex_it_is_saved_and_says_centiles_need_it(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    saved = growth.add(session, child_id, GrowthDraft("2024-05-01", "5.1"))
    assert saved.result.needs_sex and saved.result.centiles["weight"].text == ""
    chart = growth.chart_data(session, child_id, "weight")
    assert chart.needs_sex and chart.lines == () and len(chart.points) == 1


# -- centile words --------------------------------------------------------------------------
@pytest.mark.parametrize(("centile", "text"), [
    (0.01, "<0.4"), (0.39, "<0.4"), (0.4, "0.4"), (0.96, "0.9"), (1.0, "1"), (1.49, "1"),
    (9.5, "10"), (50.0, "50"), (98.7, "99"), (99.0, "99"), (99.04, "99.1"), (99.6, "99.6"),
    (99.61, ">99.6"), (100.0, ">99.6"), (None, ""),
])
def test_centiles_are_shown_the_rcpch_way(centile: float | None, text: str) -> None:
    assert centile_text(centile) == text


@given(st.floats(0, 100, allow_nan=False))
def test_a_centile_is_a_whole_number_except_at_the_ends(centile: float) -> None:
    text = centile_text(centile)
    if 1 <= centile <= 99:
        assert text.isdigit() and 1 <= int(text) <= 99
    else:
        assert text.startswith(("<", ">")) or 0.4 <= float(text) <= 99.6


# -- unit slips and plausibility ------------------------------------------------------------
@pytest.mark.parametrize(("typed", "field", "suggestion"), [
    (GrowthDraft("2024-05-01", "3400"), "weight_kg", "3.4"),
    (GrowthDraft("2024-05-01", "3400 g"), "weight_kg", "3.4"),
    (GrowthDraft("2024-05-01", "12 lb"), "weight_kg", "5.44"),
    (GrowthDraft("2024-05-01", "", "0.55"), "height_cm", "55"),
    (GrowthDraft("2024-05-01", "", "552"), "height_cm", "55.2"),
    (GrowthDraft("2024-05-01", "", "550 mm"), "height_cm", "55"),
    (GrowthDraft("2024-05-01", "", "", "375"), "head_cm", "37.5"),
])
def test_unit_slips_are_caught_with_what_was_probably_meant(baby: tuple[FamilySession, str],
                                                            typed: GrowthDraft, field: str,
                                                            suggestion: str) -> None:
    session, child_id = baby
    facts(session, child_id)
    problems = growth.check(session, child_id, typed)
    assert [(p.field, p.code) for p in problems] == [(field, "growth-unit-slip-baby")]
    assert problems[0].params["suggestion"] == suggestion
    with pytest.raises(errors.ValidationError):
        growth.add(session, child_id, typed)
    assert growth.list_measurements(session, child_id) == []


def test_the_grams_message_is_kind_and_says_how_to_fix_it(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    problem = growth.check(session, child_id, GrowthDraft("2024-05-01", "3400"))[0]
    assert validation_message(problem) == (
        "The weight looks unusual for a baby — did you mean 3.4 kg? If so, change it to 3.4.")


def test_pounds_typed_as_kilograms_is_asked_about_and_can_be_confirmed(
        baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    facts(session, child_id, "female", (33, 2))  # 2 months old, 2 weeks corrected: about 3.4 kg
    typed = GrowthDraft("2024-05-01", "7.5")  # 7.5 lb
    problems = growth.check(session, child_id, typed)
    assert [(p.code, p.params["suggestion"]) for p in problems] == [("growth-unusual-baby", "3.4")]
    assert centiles.is_soft(problems[0])
    saved = growth.add(session, child_id, typed, confirmed=True)
    assert saved.measurement.weight_kg == 7.5


def test_values_beyond_8_sds_are_refused(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    facts(session, child_id, "female")
    on = date(2024, 5, 1)
    for typed, method, value in ((GrowthDraft("2024-05-01", "30"), "weight", 30.0),
                                 (GrowthDraft("2024-05-01", "", "20"), "height", 20.0),
                                 (GrowthDraft("2024-05-01", "", "", "60"), "ofc", 60.0)):
        corrected = centiles.ages(ChildBasis(BORN), on).corrected_years
        assert abs(sds_for_measurement("uk-who", corrected, method, value, "female")) > 8
        problems = growth.check(session, child_id, typed)
        assert [p.code for p in problems] == ["growth-implausible"], typed
        assert problems[0].params["example"]  # the 50th centile at this age, as an example
        assert "too far from what is possible" in validation_message(problems[0])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weight=st.floats(0.2, 250.0), days=st.integers(0, 180), sex=st.sampled_from(["female", "male"]))
def test_nothing_beyond_8_sds_is_ever_accepted(weight: float, days: int, sex: str) -> None:
    on = BORN + timedelta(days=days)
    basis = ChildBasis(BORN, sex)
    measurement, problems = centiles.check(GrowthDraft(on.isoformat(), str(weight)), basis, TODAY,
                                           confirmed=True)
    sds = sds_for_measurement("uk-who", centiles.ages(basis, on).corrected_years, "weight",
                              round(weight, 3), sex)
    if abs(sds) > 8:
        assert problems and problems[0].field == "weight_kg"
    elif abs(sds) <= 4:
        assert problems == [] and measurement is not None


def test_other_problems_are_all_listed_in_field_order(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    assert [(p.field, p.code) for p in growth.check(session, child_id, GrowthDraft("2025-01-01"))] == [
        ("measured_on", "date-in-future"), ("weight_kg", "growth-one-value")]
    assert [p.code for p in growth.check(session, child_id, GrowthDraft("2024-02-01", "3.4"))] == [
        "before-birth"]
    found = growth.check(session, child_id, GrowthDraft("2024-05-01", "three", "-4", "36"))
    assert [(p.field, p.code) for p in found] == [("weight_kg", "growth-number"),
                                                 ("height_cm", "growth-number")]


# -- storage and history ----------------------------------------------------------------------
def test_values_are_stored_with_their_units_and_round_trip(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    facts(session, child_id)
    saved = growth.add(session, child_id, GrowthDraft(
        "2024-05-01", "3,45", "52.5 cm", "36", measured_by="Health visitor", measured_where="Clinic",
        notes="After a feed"))
    entry = session.records.get(saved.entry.id)
    assert entry.kind == "growth" and entry.occurred_on == "2024-05-01"
    assert entry.data == {"measured_on": "2024-05-01", "weight_kg": 3.45, "height_cm": 52.5,
                          "head_cm": 36.0, "length_or_height": "length",
                          "measured_by": "Health visitor", "measured_where": "Clinic",
                          "notes": "After a feed"}
    assert "centile" not in json.dumps(entry.data)  # worked out on reading, never stored
    assert GrowthMeasurement.from_data(entry.data) == saved.measurement


@given(st.builds(GrowthMeasurement, st.dates(date(2020, 1, 1), date(2026, 1, 1)),
                 st.none() | st.floats(0.2, 100, allow_nan=False),
                 st.none() | st.floats(20, 200, allow_nan=False),
                 st.none() | st.floats(20, 60, allow_nan=False),
                 st.sampled_from(["length", "height"]), st.text(max_size=20)))
def test_a_measurement_survives_to_data_and_back(measurement: GrowthMeasurement) -> None:
    assert GrowthMeasurement.from_data(json.loads(json.dumps(measurement.to_data()))) == measurement


def test_length_or_height_follows_the_age_unless_chosen() -> None:
    basis = ChildBasis(date(2020, 1, 1), "male")
    assert rules.validate(GrowthDraft("2021-06-01", "", "75"), basis, TODAY)[0].length_or_height == "length"
    assert rules.validate(GrowthDraft("2022-06-01", "", "88"), basis, TODAY)[0].length_or_height == "height"
    chosen = rules.validate(GrowthDraft("2022-06-01", "", "88", length_or_height="length"), basis, TODAY)
    assert chosen[0].length_or_height == "length"


def test_an_edit_keeps_the_history(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    facts(session, child_id)
    first = growth.add(session, child_id, GrowthDraft("2024-05-01", "5.1"))
    changed = growth.edit(session, first.entry, GrowthDraft("2024-05-02", "5.15", "", "38"))
    assert changed.edited and changed.measurement.weight_kg == 5.15
    history = growth.history(session, first.entry.id)
    assert [(h.version, h.data["weight_kg"]) for h in history] == [(1, 5.1), (2, 5.15)]
    with pytest.raises(errors.EditConflictError):
        growth.edit(session, first.entry, GrowthDraft("2024-05-01", "5.2"))
    with pytest.raises(errors.ValidationError):
        growth.edit(session, changed.entry, GrowthDraft("2024-05-01", "5150"))
    assert growth.get(session, first.entry.id).measurement.weight_kg == 5.15


def test_latest_centiles_for_the_overview(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    facts(session, child_id)
    growth.add(session, child_id, GrowthDraft("2024-04-01", "4.2", "54", "37"))
    growth.add(session, child_id, GrowthDraft("2024-06-01", "6.1"))
    latest = growth.latest_centiles(session, child_id)
    assert list(latest) == ["weight", "height", "ofc"]
    assert latest["weight"].measured_on == date(2024, 6, 1) and latest["weight"].value_text == "6.1 kg"
    assert latest["height"].measured_on == date(2024, 4, 1)
    assert latest["weight"].centile_text == latest["weight"].centile.text != ""


# -- chart data -------------------------------------------------------------------------------
def test_chart_data_has_nine_centiles_in_separate_segments(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    facts(session, child_id, "female", (33, 2))
    for on, kg in (("2024-03-01", "1.9"), ("2024-04-01", "2.6"), ("2024-06-01", "4.3")):
        growth.add(session, child_id, GrowthDraft(on, kg))
    chart = growth.chart_data(session, child_id, "weight")
    assert {line.centile for line in chart.lines} == set(CENTILES)
    assert {line.segment for line in chart.lines} == set(SEGMENTS)
    assert len(chart.lines) == 9 * len(SEGMENTS)
    limits = {"uk90_preterm": (-1, 0.0384), "uk_who_infant": (0.038, 2), "uk_who_child": (2, 4),
              "uk90_child": (4, 20)}
    for line in chart.lines:
        low, high = limits[line.segment]
        assert all(low <= x <= high for x, _y in line.points), line.segment  # never joined across
        assert line.dashed == (line.centile in (0.4, 9, 50, 91, 99.6))
    assert [p.value for p in chart.points] == [1.9, 2.6, 4.3]
    assert chart.corrected and chart.gestation == "33+2"
    first = chart.points[0]
    assert first.chronological_x == 0 and first.corrected_x == pytest.approx(-47 / 365.25)
    assert chart.to_data()["lines"][0]["points"]


def test_centile_lines_come_from_rcpchgrowth_create_chart() -> None:
    from rcpchgrowth.chart_functions import create_chart

    ours = [line for line in centile_lines("height", "male") if line.segment == "uk_who_child"]
    theirs = next(c["uk_who_child"] for c in create_chart("uk-who", measurement_method="height",
                                                          sex="male") if "uk_who_child" in c)
    assert [line.points[0][1] for line in ours] == [c["data"][0]["y"]
                                                   for c in theirs["male"]["height"]]


# -- command line -----------------------------------------------------------------------------
def test_growth_add_and_list_on_the_command_line(closed_family, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    path = str(closed_family)
    assert cli.main(["growth", "add", path, "Zephyrine", "--date", "2024-05-01",
                     "--weight-kg", "3400", "--json"]) == 1
    assert "did you mean 3.4 kg?" in capsys.readouterr().err
    assert cli.main(["growth", "add", path, "Zephyrine", "--date", "2024-05-01", "--weight-kg",
                     "5.1", "--height-cm", "57", "--head-cm", "38.5", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["weight_kg"] == 5.1 and added["centiles"]["weight"]["problem"] == "needs-sex"
    assert cli.main(["growth", "edit", path, added["id"], "--weight-kg", "5.2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["edited"] is True
    assert cli.main(["growth", "list", path, "Zephyrine", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["measured_on"], r["weight_kg"], r["head_cm"]) for r in listed] == [
        ("2024-05-01", 5.2, 38.5)]
    assert cli.main(["growth", "list", path, "Zephyrine"]) == 0
    assert "Weight: 5.2 kg" in capsys.readouterr().out


def test_a_measurement_dated_before_birth_gets_no_centile_and_no_error() -> None:
    """The date of birth corrected after measurements were written down: shown, never a crash."""
    basis = ChildBasis(date(2024, 3, 1), "female")
    found = centiles.calculate(GrowthMeasurement(date(2024, 2, 1), 3.1, 49.0), basis)
    assert found.ages.chronological_years < 0
    assert {c.problem for c in found.centiles.values()} == {centiles.NO_REFERENCE}
    assert all(c.centile is None for c in found.centiles.values())
