"""Immunisations through a real family file: record, change, archive, the status table and
what is due next, on a fixed day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain import immunisations as rules
from familyfile.domain.child import ChildDraft
from familyfile.domain.entry import Author
from familyfile.domain.immunisations import DoseDraft
from familyfile.services import immunisations
from familyfile.services import session as sessions
from tests.conftest import FAST_KDF, PASSPHRASE

D = date.fromisoformat


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2025, 10, 1, 9, tzinfo=UTC))


@pytest.fixture
def opened(tmp_path: Path, clock: FixedClock) -> Iterator[sessions.FamilySession]:
    session = sessions.create(tmp_path / "f.familyfile", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    yield session
    session.close()


@pytest.fixture
def child_id(opened: sessions.FamilySession) -> str:
    return opened.add_child(ChildDraft("Ada", "Lovelace", "2025-06-01")).id


def states(opened: sessions.FamilySession, child_id: str) -> dict[tuple[str, int], str]:
    return {(r.planned.vaccine, r.planned.dose): r.state
            for r in immunisations.status_table(opened, child_id).rows}


def test_a_recorded_dose_is_an_entry_and_shows_as_given(opened, child_id) -> None:
    entry = immunisations.add(opened, child_id, DoseDraft(
        "28/7/2025", "6in1", product="Infanrix hexa", batch="AB123C", site="left_thigh"))
    assert (entry.kind, entry.occurred_on, entry.child_id) == ("immunisation", "2025-07-28", child_id)
    assert entry.data["dose"] == 1 and entry.data["batch"] == "AB123C"
    table = immunisations.status_table(opened, child_id)
    first = table.rows[0]
    assert (first.planned.vaccine, first.state, first.record_key) == ("6in1", rules.GIVEN, entry.id)
    assert table.entries[entry.id].author.kind == "parent" and table.covered


def test_the_dose_number_is_worked_out_even_out_of_order(opened, child_id) -> None:
    second = immunisations.add(opened, child_id, DoseDraft("2025-08-25", "6in1"))
    first = immunisations.add(opened, child_id, DoseDraft("2025-07-28", "6in1"))
    assert (second.data["dose"], first.data["dose"]) == (2, 1)
    assert states(opened, child_id)[("6in1", 2)] == rules.GIVEN


def test_status_table_on_a_fixed_day(opened, child_id, clock) -> None:
    # 1 October 2025: the 8-week doses are overdue, the 12-week overdue, the 16-week due.
    found = states(opened, child_id)
    assert found[("6in1", 1)] == rules.OVERDUE and found[("pcv", 1)] == rules.DUE
    assert found[("mmrv", 1)] == rules.UPCOMING
    clock.current = datetime(2025, 12, 1, 9, tzinfo=UTC)
    assert states(opened, child_id)[("rotavirus", 1)] == rules.TOO_LATE


def test_declined_and_given_abroad(opened, child_id) -> None:
    immunisations.add(opened, child_id, DoseDraft("2025-07-28", "rotavirus", declined=True))
    immunisations.add(opened, child_id, DoseDraft("2025-07-30", "menb", abroad=True, country="Spain"))
    table = immunisations.status_table(opened, child_id)
    rows = {(r.planned.vaccine, r.planned.dose): r for r in table.rows}
    assert rows[("rotavirus", 1)].state == rules.DECLINED
    menb = rows[("menb", 1)]
    assert menb.state == rules.GIVEN and menb.record is not None and menb.record.country == "Spain"


def test_next_due_names_the_appointment_and_its_doses(opened, child_id, clock) -> None:
    upcoming = immunisations.next_due(opened, child_id)
    assert upcoming is not None
    assert (upcoming.state, upcoming.appointment, upcoming.due) == (rules.OVERDUE, "8w", D("2025-07-27"))
    assert [(r.planned.vaccine, r.planned.dose) for r in upcoming.doses] == [
        ("6in1", 1), ("menb", 1), ("rotavirus", 1)]
    for when, draft in (("2025-07-28", "6in1"), ("2025-07-28", "menb"), ("2025-07-28", "rotavirus"),
                        ("2025-08-25", "6in1"), ("2025-08-25", "menb"), ("2025-08-25", "rotavirus")):
        immunisations.add(opened, child_id, DoseDraft(when, draft))
    upcoming = immunisations.next_due(opened, child_id)
    assert upcoming is not None and (upcoming.state, upcoming.appointment) == (rules.DUE, "16w")
    for draft in ("6in1", "pcv"):
        immunisations.add(opened, child_id, DoseDraft("2025-09-22", draft))
    upcoming = immunisations.next_due(opened, child_id)
    assert upcoming is not None and (upcoming.state, upcoming.appointment) == (rules.UPCOMING, "1y")
    assert upcoming.due == D("2026-06-01")


def test_nothing_is_due_once_everything_is_recorded(opened, child_id, clock) -> None:
    for dose in immunisations.planned(opened, child_id):
        # A family may decline a dose before it falls due: the date is the day they said no.
        immunisations.add(opened, child_id, DoseDraft("2025-10-01", dose.vaccine, str(dose.dose),
                                                       declined=True))
    assert immunisations.next_due(opened, child_id) is None


def test_other_vaccines_are_kept_as_extra_rows(opened, child_id) -> None:
    bcg = immunisations.add(opened, child_id, DoseDraft("2025-06-10", "bcg"))
    other = immunisations.add(opened, child_id, DoseDraft("2025-09-01", "other",
                                                          vaccine_name="Yellow fever"))
    assert bcg.data["dose"] is None and other.data["vaccine_name"] == "Yellow fever"
    extra = immunisations.status_table(opened, child_id).extra
    assert [e.id for e, _r in extra] == [bcg.id, other.id]


def test_the_16_week_pattern_follows_when_the_12_week_doses_were_given(opened) -> None:
    born_late_march = opened.add_child(ChildDraft("Bo", "Lovelace", "2025-03-20")).id
    sixteen = {p.vaccine for p in immunisations.planned(opened, born_late_march) if p.appointment == "16w"}
    assert sixteen == {"6in1", "menb"}
    immunisations.add(opened, born_late_march, DoseDraft("2025-07-03", "6in1", "2"))
    sixteen = {p.vaccine for p in immunisations.planned(opened, born_late_march) if p.appointment == "16w"}
    assert sixteen == {"6in1", "pcv"}


def test_edit_keeps_history_and_refuses_a_stale_version(opened, child_id) -> None:
    entry = immunisations.add(opened, child_id, DoseDraft("2025-07-28", "menb", batch="OLD1"))
    changed = immunisations.edit(opened, entry, DoseDraft("2025-07-29", "menb", "1", batch="NEW2"))
    assert (changed.version, changed.occurred_on, changed.data["batch"]) == (2, "2025-07-29", "NEW2")
    assert [h.data["batch"] for h in opened.records.history(entry.id)] == ["OLD1", "NEW2"]
    with pytest.raises(errors.EditConflictError):
        immunisations.edit(opened, entry, DoseDraft("2025-07-30", "menb", "1"))


def test_remove_archives_the_record(opened, child_id) -> None:
    entry = immunisations.add(opened, child_id, DoseDraft("2025-07-28", "menb"))
    immunisations.remove(opened, immunisations.get(opened, entry.id)[0])
    assert immunisations.records(opened, child_id) == []
    assert states(opened, child_id)[("menb", 1)] == rules.OVERDUE


def test_problems_are_refused_and_nothing_is_saved(opened, child_id, clock) -> None:
    tomorrow = (clock.now().date() + timedelta(days=1)).isoformat()
    for draft in (DoseDraft("2025-05-31", "menb"), DoseDraft(tomorrow, "menb"),
                  DoseDraft("2025-07-28", "menb", declined=True, batch="X1")):
        assert immunisations.check(opened, child_id, draft)
        with pytest.raises(errors.ValidationError):
            immunisations.add(opened, child_id, draft)
    assert immunisations.records(opened, child_id) == []


def test_a_key_worker_is_named_on_what_they_record(opened, child_id) -> None:
    opened.use_as(Author("key_worker", "Sam Patel"))
    entry = immunisations.add(opened, child_id, DoseDraft("2025-07-28", "menb"))
    assert (entry.author.kind, entry.author.name) == ("key_worker", "Sam Patel")


def test_only_immunisation_entries_are_edited_here(opened, child_id) -> None:
    other = opened.records.add(child_id=child_id, kind="journal", data={}, occurred_on="2025-07-01")
    with pytest.raises(errors.NotFoundError):
        immunisations.get(opened, other.id)
    with pytest.raises(errors.NotFoundError):
        immunisations.edit(opened, other, DoseDraft("2025-07-28", "menb"))


def test_the_schedule_edition_and_source_people_see() -> None:
    info = immunisations.schedule_info()
    assert info.edition_id == "2026-01" and info.edition_from == D("2026-01-01")
    assert "complete routine immunisation schedule" in info.sources[0].name
    assert info.overdue_after_days == 28 and info.verify
    assert immunisations.schedule_info("2025-07").edition_title == "Schedule from 1 July 2025"
