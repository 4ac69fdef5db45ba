"""Appointments: UTC storage with London display across GMT/BST, ordering, statuses, history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain import appointments as rules
from familyfile.domain.appointments import AppointmentDraft
from familyfile.domain.child import ChildDraft
from familyfile.domain.involvement import InvolvementDraft
from familyfile.messages import validation_message
from familyfile.services import appointments as service
from familyfile.services import involvement as involvements
from familyfile.services import session as sessions
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def family(tmp_path: Path) -> Iterator[tuple[sessions.FamilySession, str, FixedClock]]:
    clock = FixedClock(NOW)
    opened = sessions.create(tmp_path / "f.familyfile", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    child = opened.add_child(ChildDraft("Ada", "Lovelace", "2024-03-01"))
    yield opened, child.id, clock
    opened.close()


def draft(when: str = "2026-03-29 10:00", **changes: str) -> AppointmentDraft:
    return AppointmentDraft(when=when, place=changes.pop("place", "Riverside Clinic"), **changes)


# -- time ---------------------------------------------------------------------------------------
def test_london_time_is_stored_in_utc_across_the_clock_change() -> None:
    before = rules.parse_local("2026-03-28 10:00")  # GMT: UTC+0
    after = rules.parse_local("2026-03-29 10:00")  # clocks went forward at 01:00: BST, UTC+1
    assert before == datetime(2026, 3, 28, 10, 0, tzinfo=UTC)
    assert after == datetime(2026, 3, 29, 9, 0, tzinfo=UTC)
    assert rules.local_text(after) == "2026-03-29 10:00"
    autumn = rules.parse_local("2026-10-25 10:00")  # back to GMT
    assert autumn == datetime(2026, 10, 25, 10, 0, tzinfo=UTC)


def test_the_skipped_hour_is_refused_and_the_repeated_hour_means_the_first() -> None:
    with pytest.raises(errors.ValidationError) as skipped:
        rules.parse_local("2026-03-29 01:30")
    assert (skipped.value.field, skipped.value.code) == ("when", "time-skipped")
    assert rules.parse_local("2026-10-25 01:30") == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize("text", ["29/03/2026 10:00", "2026-03-29", "2026-02-30 10:00",
                                  "2026-03-29 25:00", ""])
def test_a_badly_written_time_is_refused(text: str) -> None:
    with pytest.raises(errors.ValidationError) as refused:
        rules.parse_local(text)
    assert refused.value.code == "datetime-format"


def test_another_time_zone_can_be_used() -> None:
    assert rules.parse_local("2026-03-29 10:00", "UTC") == datetime(2026, 3, 29, 10, tzinfo=UTC)
    with pytest.raises(errors.ValidationError):
        rules.parse_local("2026-03-29 10:00", "Mars/Olympus")


# -- rules --------------------------------------------------------------------------------------
def test_missed_and_not_brought_need_a_reason_in_plain_words() -> None:
    past = "2026-03-19 10:00"
    problems = rules.validate(draft(past, status="missed"), NOW)
    assert [(p.field, p.code) for p in problems] == [("status_reason", "bad-choice")]
    assert rules.validate(draft(past, status="not_brought", status_reason="travel"), NOW) == []
    for reason in rules.MISSED_REASONS:
        words = reason.name().lower()
        assert not any(blame in words for blame in ("fail", "neglect", "refus", "did not bother"))
    # The reason is dropped for other statuses.
    built = rules.build(draft(past, status="attended", status_reason="travel"), NOW)
    assert built.status_reason == ""


def test_you_cannot_mark_a_future_appointment_as_having_happened() -> None:
    problems = rules.validate(draft("2026-03-21 10:00", status="attended"), NOW)
    assert [(p.field, p.code) for p in problems] == [("status", "status-in-future")]
    assert rules.validate(draft("2026-03-20 15:00", status="attended"), NOW) == []  # today
    text = validation_message(problems[0])
    assert text.endswith(".") and "Check" not in text


def test_required_fields_and_round_trip() -> None:
    problems = rules.validate(AppointmentDraft(when="", place=" "), NOW)
    assert [p.field for p in problems] == ["when", "place"]
    built = rules.build(draft(with_text="Dr Jones", accompanied_by="Mum and Grandad",
                              reason="Hearing check"), NOW)
    assert rules.Appointment.from_data(built.to_data()) == built
    assert rules.build(built.to_draft(), NOW) == built


# -- service ------------------------------------------------------------------------------------
def test_upcoming_is_soonest_first_and_skips_past_and_cancelled(family) -> None:
    session, child, clock = family
    later = service.add(session, child, draft("2026-04-02 14:00"))
    soon = service.add(session, child, draft("2026-03-29 10:00"))
    service.add(session, child, draft("2026-03-18 10:00"))
    gone = service.add(session, child, draft("2026-03-25 10:00"))
    service.mark(session, gone, rules.CANCELLED)
    assert [r.id for r in service.upcoming(session, child, limit=5)] == [soon.id, later.id]
    assert [r.id for r in service.upcoming(session, child, limit=1)] == [soon.id]
    coming, past = service.coming_and_past(session, child)
    assert [r.id for r in coming] == [gone.id, soon.id, later.id]
    assert len(past) == 1 and service.needs_marking(session, child) == past
    clock.advance(timedelta(days=10))  # now 30 March: the 29th is past
    assert [r.id for r in service.upcoming(session, child, limit=5)] == [later.id]


def test_the_stored_time_is_utc_and_shown_in_london_time(family) -> None:
    session, child, _clock = family
    added = service.add(session, child, draft("2026-03-29 10:00"))
    entry = session.records.get(added.id)
    assert entry.data["when_utc"] == "2026-03-29T09:00:00Z" and entry.occurred_on == entry.data["when_utc"]
    assert entry.data["tz"] == "Europe/London"
    assert rules.local_text(service.get(session, added.id).appointment.when_utc) == "2026-03-29 10:00"


def test_mark_missed_with_reason_and_edits_keep_history(family) -> None:
    session, child, _clock = family
    added = service.add(session, child, draft("2026-03-19 10:00", reason="Hearing check"))
    with pytest.raises(errors.ValidationError):
        service.mark(session, added, rules.MISSED)  # no reason
    marked = service.mark(session, added, rules.NOT_BROUGHT, reason="unwell", note="Temperature")
    assert marked.appointment.status == rules.NOT_BROUGHT
    assert rules.status_text(marked.appointment, NOW) == "Not brought: Someone was unwell"
    edited = service.edit(session, marked, draft("2026-03-19 11:00", reason="Hearing check",
                                                 status="not_brought", status_reason="unwell"))
    history = service.history(session, edited)
    assert [h.action for h in history] == ["created", "edited", "edited"]
    assert history[0].data["status"] == "upcoming" and history[0].data["when_utc"].endswith("10:00:00Z")
    with pytest.raises(errors.EditConflictError):
        service.edit(session, added, draft("2026-03-19 12:00"))


def test_with_whom_links_to_an_involvement_of_the_same_child(family) -> None:
    session, child, _clock = family
    helper = involvements.add(session, child, InvolvementDraft(
        "speech_language", "Riverside Clinic", "2025-05-01", professional="Sam Patel",
        role="Speech therapist"))
    linked = service.add(session, child, draft(with_involvement=helper.id))
    assert service.with_whom(session, linked.appointment) == "Sam Patel, Speech therapist"
    nameless = involvements.add(session, child, InvolvementDraft("gp", "Northfield Surgery",
                                                                 "2024-03-05"))
    linked_gp = service.add(session, child, draft(with_involvement=nameless.id))
    assert service.with_whom(session, linked_gp.appointment) == (
        "GP (family doctor), Northfield Surgery")
    words = service.add(session, child, draft(with_text="Dr Jones"))
    assert service.with_whom(session, words.appointment) == "Dr Jones"
    sibling = session.add_child(ChildDraft("Bo", "Lovelace", "2025-06-01"))
    with pytest.raises(errors.ValidationError) as refused:
        service.add(session, sibling.id, draft(with_involvement=helper.id))
    assert refused.value.field == "with_involvement"
    with pytest.raises(errors.ValidationError):
        service.add(session, child, draft(with_involvement="nothing-like-this"))


def test_archive_hides_but_keeps(family) -> None:
    session, child, _clock = family
    added = service.add(session, child, draft())
    archived = service.archive(session, added)
    assert service.list_all(session, child) == []
    assert len(service.list_all(session, child, include_archived=True)) == 1
    service.restore(session, archived)
    assert len(service.upcoming(session, child)) == 1
