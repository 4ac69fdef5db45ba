"""The overview summary: one bounded read of each section, as plain data.

``realistic_child`` is also used by the overview page's tests and its screenshot.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from familyfile.clock import FixedClock
from familyfile.domain.appointments import AppointmentDraft
from familyfile.domain.child import ChildDraft
from familyfile.domain.entry import new_entry_id
from familyfile.domain.growth import GrowthDraft
from familyfile.domain.immunisations import DoseDraft
from familyfile.domain.involvement import InvolvementDraft
from familyfile.domain.journal import ObservationDraft
from familyfile.domain.reviews import Contact
from familyfile.services import (
    about_me,
    appointments,
    growth,
    immunisations,
    involvement,
    journal,
    milestones,
    overview,
    reviews,
)
from familyfile.services import session as sessions
from familyfile.store import entries
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2025, 11, 20, 10, 31, tzinfo=UTC)  # a Thursday
BORN = "2024-11-05"  # just over a year old: the 1-year vaccinations are due now

JOURNAL = [  # date, area, text, first's title
    ("2025-10-02", "physical", "Pulled herself up on the sofa and stood for a few seconds.", ""),
    ("2025-10-18", "communication_language", "Said “mama” when I came into the room.", ""),
    ("2025-10-30", "personal_social_emotional", "Waved to Grandma on the video call.", ""),
    ("2025-11-08", "expressive_arts", "Banged the pans with a spoon and laughed.\nDid it again "
                                      "and again.", ""),
    ("2025-11-14", "physical", "Took three steps from the sofa to me.", "First steps"),
    ("2025-11-18", "communication_language", "Points at the dog in her book and says “da”.", ""),
]


def realistic_child(session: sessions.FamilySession, given: str = "Amara", family: str = "Okafor",
                    born: str = BORN) -> str:
    """A made-up one-year-old with alerts, vaccinations due, growth, a journal and appointments.

    The session's clock must say ``NOW`` (the records are dated around it).
    """
    child = session.add_child(ChildDraft(given, family, born))
    cid = child.id
    about_me.update_about_me(session, cid, known_as="Ami", sex="female",
                             languages=["English", "Yoruba"],
                             communication="Babbles, says “mama” and points at what she wants.")
    about_me.add_alert(session, cid, {"type": "allergy", "what": "Peanuts",
                                      "details": "hives and swollen lips; has an adrenaline pen"})
    about_me.add_alert(session, cid, {"type": "condition", "what": "Eczema", "active": False})
    for planned in immunisations.planned(session, cid):
        if planned.due < date(2025, 6, 1):
            immunisations.add(session, cid, DoseDraft(planned.due.isoformat(), planned.vaccine,
                                                      str(planned.dose), given_by="Practice nurse"))
    for key, on in (("new_baby", "2024-11-17"), ("six_to_eight_weeks", "2024-12-20")):
        reviews.record_contact(session, cid, Contact(key, "done", on, who="Grace Mensah"))
    for on, kg, cm, head in (("2025-05-06", "7.4", "67", "42.6"), ("2025-08-12", "8.3", "71.5", ""),
                             ("2025-11-12", "9.1", "74.5", "45.2")):
        growth.add(session, cid, GrowthDraft(on, kg, cm, head, measured_by="Health visitor"))
    for on, area, text, first in JOURNAL:
        journal.add(session, cid, ObservationDraft(on, area, text, first, bool(first)))
    hv = involvement.add(session, cid, InvolvementDraft(
        "health_visiting", "Northfield Health Visiting Team", "2024-11-17", team="Northfield",
        professional="Grace Mensah", role="Health visitor", contact="0121 496 0123", lead=True))
    involvement.add(session, cid, InvolvementDraft("gp", "Riverside Surgery", "2024-11-20"))
    appointments.add(session, cid, AppointmentDraft(
        "2025-11-27 10:30", "Riverside Surgery", with_text="Practice nurse",
        reason="1-year vaccinations"))
    appointments.add(session, cid, AppointmentDraft(
        "2025-12-15 14:00", "Northfield Children's Centre", with_involvement=hv.id,
        reason="1 year review"))
    appointments.add(session, cid, AppointmentDraft(
        "2026-02-03 09:15", "City Hospital, Audiology", with_text="Audiology", reason="Hearing check"))
    milestones.answer(session, cid, "m12-waves", "not-yet")
    return cid


@pytest.fixture
def family(tmp_path: Path) -> Iterator[sessions.FamilySession]:
    opened = sessions.create(tmp_path / "f.familyfile", PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(NOW))
    yield opened
    opened.close()


def test_the_summary_of_a_busy_record(family: sessions.FamilySession) -> None:
    cid = realistic_child(family)
    found = overview.summary(family, cid)
    assert found.child_id == cid
    assert found.about is not None
    assert (found.about.name, found.about.called, found.about.age) == ("Amara Okafor", "Ami", "12 months")
    assert found.about.languages == ("English", "Yoruba")
    assert found.about.communication.startswith("Babbles")
    assert [(a.type, a.what) for a in found.alerts] == [("allergy", "Peanuts")]  # active only

    due = [(d.kind, d.state, d.on) for d in found.due]
    assert due == [
        ("reviews", "overdue", date(2025, 11, 6)),  # the 1 year review: until 365 days old
        ("immunisations", "due", date(2025, 11, 5)),  # due at one year, overdue after 4 weeks
        ("appointments", "upcoming", date(2025, 11, 27)),  # next week
        ("appointments", "upcoming", date(2025, 12, 15)),
    ]  # the hearing check in February is more than 30 days away
    assert found.due[0].words == "1 year review"
    assert found.due[1].words == "The 1-year vaccinations"
    assert "MMR" in found.due[1].detail
    assert found.due[2].words == "Appointment with Practice nurse"
    assert found.due[2].detail == "10:30 at Riverside Surgery"
    assert found.due[3].words == "Appointment with Grace Mensah, Health visitor"

    assert [(g.method, g.value, g.measured_on) for g in found.growth] == [
        ("weight", "9.1 kg", date(2025, 11, 12)), ("height", "74.5 cm", date(2025, 11, 12)),
        ("ofc", "45.2 cm", date(2025, 11, 12))]
    assert all(g.centile and not g.problem for g in found.growth)

    assert found.journal_total == 6
    assert [j.on for j in found.journal] == [date(2025, 11, d) for d in (18, 14, 8)] + [
        date(2025, 10, 30), date(2025, 10, 18)]
    assert found.journal[1].first_line == "First steps" and found.journal[1].is_first
    assert found.journal[1].area == "Moving and using their body"
    assert found.journal[1].author == "Written by you"
    assert found.journal[2].first_line == "Banged the pans with a spoon and laughed."

    assert [(a.when, a.place) for a in found.appointments] == [
        (datetime(2025, 11, 27, 10, 30), "Riverside Surgery"),
        (datetime(2025, 12, 15, 14, 0), "Northfield Children's Centre"),
        (datetime(2026, 2, 3, 9, 15), "City Hospital, Audiology")]
    assert found.milestone_prompts == 1
    assert found.lead is not None and found.lead.who == "Grace Mensah, Health visitor"
    assert found.lead.contact == "0121 496 0123" and found.involved == 2


def test_a_growth_value_without_the_childs_sex_says_why_there_is_no_centile(
        family: sessions.FamilySession) -> None:
    cid = family.add_child(ChildDraft("Ada", "Example", "2025-05-01")).id
    growth.add(family, cid, GrowthDraft("2025-11-01", "7.2"))
    [weight] = overview.summary(family, cid).growth
    assert (weight.value, weight.centile, weight.problem) == ("7.2 kg", "", "needs-sex")


def test_the_summary_is_bounded_however_long_the_journal(family: sessions.FamilySession,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    cid = family.add_child(ChildDraft("Ada", "Example", "2024-11-05")).id
    start = date(2024, 11, 6)
    with family._vault.write() as conn:  # 300 observations, written fast
        for n in range(300):
            on = (start + timedelta(days=n)).isoformat()
            entries.insert(conn, entry_id=new_entry_id(), child_id=cid, kind="journal",
                           occurred_on=on, data={"area": "physical", "text": f"Observation {n}"},
                           author=family.author, now=NOW)
    listed: list[tuple[str, int | None]] = []
    list_for = family.records.list_for

    def spy(child_id: str | None, kind: str, **options: object) -> list:
        listed.append((kind, options.get("limit")))  # type: ignore[arg-type]
        return list_for(child_id, kind, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(family.records, "list_for", spy)
    began = time.perf_counter()
    found = overview.summary(family, cid)
    assert time.perf_counter() - began < 2.0
    assert len(found.journal) == 5 and found.journal_total == 300
    assert found.journal[0].first_line == "Observation 299"
    assert found.journal[0].on == start + timedelta(days=299)
    assert ("journal", None) not in listed  # the journal is never read whole
    assert all(limit for kind, limit in listed if kind in ("growth", "appointment", "about_me"))


def test_no_child_is_an_empty_summary(family: sessions.FamilySession) -> None:
    empty = overview.summary(family, None)
    assert empty == overview.OverviewSummary()
    assert empty.about is None and empty.due == () and empty.lead is None


def test_a_child_with_nothing_recorded_yet(family: sessions.FamilySession) -> None:
    cid = family.add_child(ChildDraft("Ada", "Example", "2025-11-08")).id  # 12 days old
    found = overview.summary(family, cid)
    assert found.about is not None and found.about.called == "Ada"
    assert found.alerts == () and found.growth == () and found.journal == ()
    assert found.appointments == () and found.lead is None and found.milestone_prompts == 0
    assert [(d.kind, d.words, d.state, d.on) for d in found.due] == [
        ("reviews", "New baby review", "due", date(2025, 11, 18)),
        ("immunisations", "The 8-week vaccinations", "upcoming", date(2026, 1, 3))]
