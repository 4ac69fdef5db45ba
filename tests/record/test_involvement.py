"""Involvement history: the rules for dates, the lead professional, social care and agency ids."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain import involvement as rules
from familyfile.domain.child import ChildDraft
from familyfile.domain.entry import Author
from familyfile.domain.involvement import InvolvementDraft
from familyfile.messages import validation_message
from familyfile.services import involvement as service
from familyfile.services import session as sessions
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 1, 15)


@pytest.fixture
def family(tmp_path: Path) -> Iterator[tuple[sessions.FamilySession, str]]:
    opened = sessions.create(tmp_path / "f.familyfile", PASSPHRASE, kdf=FAST_KDF,
                             clock=FixedClock(datetime(2026, 1, 15, 12, tzinfo=UTC)))
    child = opened.add_child(ChildDraft("Ada", "Lovelace", "2024-03-01"))
    yield opened, child.id
    opened.close()


def draft(**changes: object) -> InvolvementDraft:
    base: dict[str, object] = dict(
        agency="speech_language", organisation="Riverside Clinic", start_date="2025-05-01",
        professional="Sam Patel", role="Speech and language therapist")
    base.update(changes)
    return InvolvementDraft(**base)  # type: ignore[arg-type]


def codes(d: InvolvementDraft) -> list[tuple[str | None, str]]:
    return [(p.field, p.code) for p in rules.validate(d, TODAY)]


# -- domain -------------------------------------------------------------------------------------
def test_a_good_draft_has_no_problems() -> None:
    assert codes(draft(ods_code="rj 1", contact="sam@example.org, 01632 960123")) == []
    built = rules.build(draft(ods_code="rj1"), TODAY, "agency-x")
    assert built.ods_code == "RJ1" and built.is_current(TODAY)


def test_end_before_start_is_refused_next_to_the_end_date() -> None:
    assert codes(draft(end_date="2025-04-30")) == [("end_date", "end-before-start")]
    assert codes(draft(end_date="2025-05-01")) == []  # same day is fine


@pytest.mark.parametrize(("changes", "expected"), [
    ({"agency": "wizards"}, ("agency", "bad-choice")),
    ({"organisation": "   "}, ("organisation", "required")),
    ({"ods_code": "R!"}, ("ods_code", "ods-format")),
    ({"ods_code": "ABCDEFGHIJK"}, ("ods_code", "ods-format")),
    ({"contact": "sam@"}, ("contact", "contact-format")),
    ({"contact": "0163"}, ("contact", "contact-format")),
    ({"start_date": ""}, ("start_date", "required")),
    ({"start_date": "2025-02-30"}, ("start_date", "date-format")),
    ({"start_date": "2026-02-01"}, ("start_date", "date-in-future")),
    ({"reason": "x" * 2001}, ("reason", "too-long")),
])
def test_each_rule_names_its_field(changes: dict[str, str], expected: tuple[str, str]) -> None:
    assert expected in codes(draft(**changes))


def test_contact_is_lenient_with_words() -> None:
    assert codes(draft(contact="Ask at reception for Sam, 01632 960123")) == []
    assert codes(draft(contact="+44 (0)1632 960-123")) == []


def test_every_agency_has_a_name_an_explanation_and_a_message_per_code() -> None:
    assert len(rules.AGENCY_KEYS) == 16 and len(set(rules.AGENCY_KEYS)) == 16
    for agency in rules.AGENCY_TYPES:
        assert agency.name() and agency.explanation().endswith(".")
    for code in ("ods-format", "contact-format", "end-before-start", "lead-taken"):
        text = validation_message(errors.ValidationError("x", code))
        assert text.endswith(".") and "Check x" not in text


def test_social_care_is_always_recorded_by_the_family() -> None:
    built = rules.build(draft(agency="social_care", organisation="Council"), TODAY, "a")
    assert built.recorded_by_family and built.to_data()["recorded_by_family"] is True
    # Even if stored data says otherwise, it is read back as the family's own note.
    tampered = {**built.to_data(), "recorded_by_family": False}
    assert rules.Involvement.from_data(tampered).recorded_by_family
    assert not rules.build(draft(), TODAY, "a").recorded_by_family
    assert not any("risk" in key for key in built.to_data())


def test_round_trip_through_data() -> None:
    built = rules.build(draft(end_date="2025-12-01", lead=True, team_around_child=True,
                              reason="Few words at 2", outcome="Talking in sentences"), TODAY, "a")
    assert rules.Involvement.from_data(built.to_data()) == built
    assert rules.build(built.to_draft(), TODAY, "a") == built


# -- service ------------------------------------------------------------------------------------
def test_add_list_current_and_past(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    now = service.add(session, child, draft())
    old = service.add(session, child, draft(agency="midwifery", organisation="St Mary's",
                                            start_date="2023-10-01", end_date="2024-03-20"))
    assert [r.id for r in service.current(session, child)] == [now.id]
    assert [r.id for r in service.past(session, child)] == [old.id]
    assert service.get(session, now.id).involvement.professional == "Sam Patel"
    assert service.find(session, child, now.id[:8]).id == now.id


def test_only_one_current_lead_professional(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    first = service.add(session, child, draft(lead=True))
    with pytest.raises(errors.ValidationError) as refused:
        service.add(session, child, draft(agency="health_visiting", organisation="HV team",
                                          lead=True))
    assert (refused.value.field, refused.value.code) == ("lead", "lead-taken")
    # An ended lead does not count; a past lead stays marked as having been the lead.
    service.add(session, child, draft(agency="early_help", organisation="Hub", lead=True,
                                      start_date="2024-06-01", end_date="2024-12-01"))
    hv = service.add(session, child, draft(agency="health_visiting", organisation="HV team"))
    with pytest.raises(errors.ValidationError):
        service.edit(session, hv, draft(agency="health_visiting", organisation="HV team", lead=True))
    moved = service.set_lead(session, hv)
    assert moved.involvement.lead
    lead = service.lead_professional(session, child)
    assert lead is not None and lead.id == hv.id
    assert not service.get(session, first.id).involvement.lead
    assert sum(r.involvement.lead for r in service.current(session, child)) == 1


def test_ending_the_lead_frees_the_role(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    lead = service.add(session, child, draft(lead=True))
    service.end(session, lead, on=date(2026, 1, 10), outcome="Talking well now")
    ended = service.get(session, lead.id).involvement
    assert ended.end_date == date(2026, 1, 10) and ended.outcome == "Talking well now"
    assert service.lead_professional(session, child) is None
    service.add(session, child, draft(agency="health_visiting", organisation="HV", lead=True))
    with pytest.raises(errors.ValidationError):
        service.end(session, service.get(session, lead.id), on=date(2025, 1, 1))  # before start


def test_team_around_the_child(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    service.add(session, child, draft(team_around_child=True))
    lead = service.add(session, child, draft(agency="early_help", organisation="Hub", lead=True))
    service.add(session, child, draft(agency="gp", organisation="Surgery"))
    team = service.team_around_child(session, child)
    assert [r.involvement.agency for r in team] == ["early_help", "speech_language"]
    assert team[0].id == lead.id


def test_edits_keep_history_and_the_agency_id(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    session.use_as(Author("key_worker", "Jo Reed"))
    added = service.add(session, child, draft())
    edited = service.edit(session, added, draft(organisation="Riverside Children's Clinic"))
    assert edited.agency_id == added.agency_id and edited.agency_id.startswith("agency-")
    items = service.history(session, edited)
    assert [i.action for i in items] == ["created", "edited"]
    assert items[0].data["organisation"] == "Riverside Clinic"
    assert edited.entry.author == Author("key_worker", "Jo Reed")
    with pytest.raises(errors.EditConflictError):
        service.edit(session, added, draft(organisation="Stale"))


def test_the_same_agency_keeps_its_id(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    first = service.add(session, child, draft(start_date="2024-09-01", end_date="2025-01-01"))
    again = service.add(session, child, draft(organisation="riverside clinic"))
    other = service.add(session, child, draft(agency="gp", organisation="Riverside Clinic"))
    assert again.agency_id == first.agency_id != other.agency_id
    refs = service.agencies(session, child)
    assert {r.agency_id for r in refs} == {first.agency_id, other.agency_id}
    shared = next(r for r in refs if r.agency_id == first.agency_id)
    assert set(shared.involvement_ids) == {first.id, again.id} and shared.current


def test_archive_and_restore(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    added = service.add(session, child, draft(lead=True))
    archived = service.archive(session, added)
    assert service.list_all(session, child) == []
    assert service.lead_professional(session, child) is None
    taken = service.add(session, child, draft(agency="gp", organisation="Surgery", lead=True))
    with pytest.raises(errors.ValidationError):
        service.restore(session, archived)
    service.archive(session, taken)
    service.restore(session, archived)
    assert len(service.list_all(session, child)) == 1


def test_unknown_child_and_wrong_kind(family: tuple[sessions.FamilySession, str]) -> None:
    session, child = family
    with pytest.raises(errors.NotFoundError):
        service.add(session, "no-such-child", draft())
    other = session.records.add(child_id=child, kind="journal", data={}, occurred_on="2025-01-01")
    with pytest.raises(errors.NotFoundError):
        service.get(session, other.id)
