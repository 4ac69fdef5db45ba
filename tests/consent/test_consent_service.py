"""Consent use cases: given, changed, withdrawn, expired, reviewed; the matrix; teams; marks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from familyfile import errors
from familyfile.domain.consent import Purpose, Recipient
from familyfile.domain.entry import Author
from familyfile.services import consent, entry_marks
from familyfile.store import activity_log
from familyfile.store.database import IntegrityError
from tests.consent.conftest import Record


def _hv(record: Record) -> Recipient:
    return consent.agency(record.session, record.child_id, record.hv)


def _consent_log(record: Record) -> list[dict[str, object]]:
    return [e.detail for e in activity_log.entries(record.session._vault.conn, kinds=("consent",))]


def test_given_then_changed_keeps_both_with_how_who_and_the_words_shown(record: Record) -> None:
    s, child = record.session, record.child_id
    first = consent.set_consent(s, child, _hv(record), "health", "permit", how="written",
                                review_on=date(2026, 9, 1))
    assert first.action == "given" and first.recorded_by == Author("parent")
    assert first.explanation == consent.explanation_for("health")
    assert consent.notice() in first.explanation and first.at_utc == "2026-03-01T12:00:00Z"
    s.use_as(Author("key_worker", "Sam Patel"))
    second = consent.set_consent(s, child, _hv(record), "health", "deny", how="verbal",
                                 explanation="Told on the phone: not health for now.")
    assert second.action == "changed" and second.recorded_by.name == "Sam Patel"
    found = consent.history(s, child)
    assert [(e.action, e.decision, e.how) for e in found] == [
        ("given", "permit", "written"), ("changed", "deny", "verbal")]
    assert found[1].explanation == "Told on the phone: not health for now."
    assert found[0].recipient.name == "Riverside Health Visiting"
    logged = _consent_log(record)
    assert [d["action"] for d in logged] == ["given", "changed"]
    assert logged[0]["recipient_id"] == record.hv and logged[0]["category"] == "health"
    assert activity_log.verify(s._vault.conn) == []


def test_withdraw_then_give_again(record: Record) -> None:
    s, child, hv = record.session, record.child_id, _hv(record)
    consent.set_consent(s, child, hv, "immunisations", "permit")
    consent.withdraw(s, child, hv, "immunisations", how="verbal")
    cell = consent.state(s, child).cell(record.hv, "immunisations")
    assert cell is not None and cell.status(s.today()) == "withdrawn"
    with pytest.raises(errors.ValidationError) as caught:
        consent.withdraw(s, child, hv, "immunisations")
    assert caught.value.code == "nothing-to-withdraw"
    again = consent.set_consent(s, child, hv, "immunisations", "permit")
    assert again.action == "given"
    assert [e.action for e in consent.history(s, child)] == ["given", "withdrawn", "given"]


def test_an_end_date_passing_is_expired_and_shows_in_the_history(record: Record) -> None:
    s, child, hv = record.session, record.child_id, _hv(record)
    consent.set_consent(s, child, hv, "health", "permit", until=date(2026, 3, 10))
    assert consent.history(s, child)[-1].action == "given"
    record.clock.advance(timedelta(days=10))
    found = consent.history(s, child)
    assert [e.action for e in found] == ["given", "expired"]
    assert found[-1].derived and found[-1].at_utc == "2026-03-11T00:00:00Z"
    row = next(r for r in consent.matrix(s, child).rows if r.recipient.id == record.hv)
    assert next(c for c in row.cells if c.category == "health").status == "expired"
    assert consent.set_consent(s, child, hv, "health", "permit").action == "given"


def test_review_keeps_the_decision_and_flags_when_due(record: Record) -> None:
    s, child, hv = record.session, record.child_id, _hv(record)
    with pytest.raises(errors.ValidationError):
        consent.review(s, child, hv, "development")
    consent.set_consent(s, child, hv, "development", "permit", review_on=date(2026, 4, 1),
                        purposes=(Purpose("care"), Purpose("education")))
    record.clock.advance(timedelta(days=40))
    found = consent.matrix(s, child)
    assert found.reviews_due == 1
    s.use_as(Author("key_worker", "Sam Patel"))
    reviewed = consent.review(s, child, hv, "development", next_review=date(2027, 4, 1))
    assert reviewed.action == "reviewed" and reviewed.decision == "permit"
    assert len(reviewed.purposes) == 2 and reviewed.recorded_by.name == "Sam Patel"
    assert consent.matrix(s, child).reviews_due == 0


def test_refusals(record: Record) -> None:
    s, child = record.session, record.child_id
    with pytest.raises(errors.ValidationError) as caught:
        consent.set_consent(s, child, _hv(record), "private", "permit")
    assert caught.value.code == "private-never-shared"
    with pytest.raises(errors.NotFoundError):
        consent.set_consent(s, child, Recipient("agency", "agency-nope"), "health", "permit")
    with pytest.raises(errors.ValidationError):
        consent.set_consent(s, child, _hv(record), "health", "maybe")
    with pytest.raises(errors.ValidationError):
        consent.set_consent(s, child, _hv(record), "health", "permit", how="telepathy")
    with pytest.raises(errors.ValidationError) as caught:
        consent.set_consent(s, child, _hv(record), "health", "permit",
                            start_on=date(2026, 3, 5), until=date(2026, 3, 1))
    assert caught.value.code == "end-before-start"
    assert consent.history(s, child) == []


def test_matrix_lists_teams_agencies_and_professionals(record: Record) -> None:
    s, child = record.session, record.child_id
    team = consent.add_team(s, "Riverside Children's Centre team", [record.hv, record.nursery])
    consent.set_consent(s, child, team.recipient(), "health", "permit")
    consent.set_consent(s, child, consent.professional("Dr  Amy Shah"), "health", "deny")
    found = consent.matrix(s, child)
    ids = [r.recipient.id for r in found.rows]
    assert ids[0] == team.id and record.hv in ids and "professional:dr amy shah" in ids
    hv_row = next(r for r in found.rows if r.recipient.id == record.hv)
    health = next(c for c in hv_row.cells if c.category == "health")
    assert (health.status, health.effective, health.from_team) == ("none", "permit", True)
    assert hv_row.teams == ("Riverside Children's Centre team",)
    assert found.categories == ("identity", "health", "immunisations", "development",
                                "involvement", "family_circumstances")
    assert "not a safeguarding system" in found.notice


def test_team_changes_are_logged(record: Record) -> None:
    s = record.session
    team = consent.add_team(s, "Team", [record.hv])
    changed = consent.change_team(s, team, members=[record.hv, record.nursery])
    assert changed.members == (record.hv, record.nursery) and changed.version == 2
    with pytest.raises(errors.EditConflictError):
        consent.change_team(s, team, name="Stale")
    consent.archive_team(s, changed)
    assert consent.teams(s) == []
    assert [d["action"] for d in _consent_log(record)] == ["team-added", "team-changed",
                                                           "team-archived"]


def test_consent_history_is_append_only(record: Record) -> None:
    s, child = record.session, record.child_id
    consent.set_consent(s, child, _hv(record), "health", "permit")
    conn = s._vault.conn
    with pytest.raises(IntegrityError):
        conn.execute("UPDATE consent_event SET decision = 'deny'")
    with pytest.raises(IntegrityError):
        conn.execute("DELETE FROM consent_event")
    assert consent.history(s, child)[0].decision == "permit"


def test_marking_keeps_history_and_does_not_change_the_entry_version(record: Record) -> None:
    s = record.session
    entry_id = record.entries["growth"]
    before = s.records.get(entry_id)
    assert entry_marks.mark(s, entry_id) == "default" and entry_marks.history(s, entry_id) == []
    entry_marks.set_mark(s, entry_id, "sensitive")
    s.use_as(Author("key_worker", "Sam Patel"))
    entry_marks.set_mark(s, entry_id, "private")
    entry_marks.set_mark(s, entry_id, "private")  # no change: nothing added
    found = entry_marks.history(s, entry_id)
    assert [(c.mark, c.author.kind) for c in found] == [("sensitive", "parent"),
                                                        ("private", "key_worker")]
    assert entry_marks.mark(s, entry_id) == "private"
    assert s.records.get(entry_id).version == before.version
    assert entry_marks.find_entry(s, entry_id[:8]) == entry_id
    with pytest.raises(errors.ValidationError):
        entry_marks.set_mark(s, entry_id, "secret")
    with pytest.raises(IntegrityError):
        s._vault.conn.execute("DELETE FROM entry_sharing_history")
    assert [d["action"] for d in _consent_log(record)] == ["entry-marked", "entry-marked"]
