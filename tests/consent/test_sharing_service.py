"""The preview, the selection every export uses, and the sharing log in the activity log."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest

from familyfile import errors
from familyfile.domain.consent import Purpose, Recipient
from familyfile.services import consent, entry_marks, sharing
from familyfile.services.sharing import Preview
from familyfile.store import activity_log
from tests.consent.conftest import Record

CARE = Purpose("care")


def _who(record: Record, agency_id: str) -> Recipient:
    return consent.agency(record.session, record.child_id, agency_id)


def _team(record: Record) -> None:
    s, child = record.session, record.child_id
    team = consent.add_team(s, "Riverside Children's Centre team", [record.hv])
    for category in ("identity", "health", "immunisations"):
        consent.set_consent(s, child, team.recipient(), category, "permit")


def _included(found: Preview) -> set[str]:
    return {i.entry_id for g in found.groups for i in g.items}


def _reasons(found: Preview) -> dict[str, str]:
    return {h.entry_id: h.reason for h in found.held_back}


def test_a_team_member_gets_what_the_team_agreed_and_nothing_else(record: Record) -> None:
    _team(record)
    e = record.entries
    found = sharing.preview(record.session, record.child_id, _who(record, record.hv), CARE)
    assert found.in_team and found.teams == ("Riverside Children's Centre team",)
    assert _included(found) == {e["growth"], e["growth_sensitive"], e["jab"], e["carer"]}
    reasons = _reasons(found)
    assert reasons[e["journal"]] == "no-consent" and reasons[e["hv"]] == "no-consent"
    assert reasons[e["social_care"]] == "sensitive"
    assert reasons[e["mystery"]] == "private" and reasons[e["archived_growth"]] == "archived"
    assert [g.category for g in found.groups] == ["identity", "health", "immunisations"]
    health = next(g for g in found.groups if g.category == "health")
    assert health.name == "Health and growth"
    assert any("weight 7.9 kg" in i.summary for i in health.items)
    assert all(i.why == "team" for g in found.groups for i in g.items)
    assert "not a safeguarding system" in found.notice


def test_beyond_the_team_only_what_is_chosen(record: Record) -> None:
    _team(record)
    s, child, e = record.session, record.child_id, record.entries
    nursery = _who(record, record.nursery)
    consent.set_consent(s, child, nursery, "development", "permit", purposes=(Purpose("education"),))
    found = sharing.preview(s, child, nursery, Purpose("education"))
    assert not found.in_team and _included(found) == set()
    assert _reasons(found)[e["journal"]] == "beyond-team"
    assert found.suggested_choices == ("development",)
    chosen = sharing.preview(s, child, nursery, Purpose("education"), ["development"])
    assert _included(chosen) == {e["journal"], e["journal_private"]}
    assert all(i.why == "chosen" for g in chosen.groups for i in g.items)


def test_consent_for_another_purpose_does_not_count(record: Record) -> None:
    _team(record)
    found = sharing.preview(record.session, record.child_id, _who(record, record.hv),
                            Purpose("referral"))
    assert _included(found) == set()
    assert _reasons(found)[record.entries["growth"]] == "other-purpose"
    assert next(h for h in found.held_back if h.reason == "other-purpose").can_choose


def test_sensitive_and_private_marks(record: Record) -> None:
    _team(record)
    s, child, e = record.session, record.child_id, record.entries
    entry_marks.set_mark(s, e["growth_sensitive"], "sensitive")
    entry_marks.set_mark(s, e["journal_private"], "private")
    hv = _who(record, record.hv)
    found = sharing.preview(s, child, hv, CARE, ["health", "development", "family_circumstances"])
    reasons = _reasons(found)
    assert reasons[e["growth_sensitive"]] == "sensitive"
    assert reasons[e["journal_private"]] == "private"
    assert {e["growth"], e["journal"], e["social_care"]} <= _included(found)
    everything = sharing.preview(s, child, hv, CARE, [e["growth_sensitive"], e["journal_private"],
                                                      e["mystery"], e["archived_growth"]])
    assert e["growth_sensitive"] in _included(everything)
    assert not {e["journal_private"], e["mystery"], e["archived_growth"]} & _included(everything)


def test_a_no_wins_over_a_choice_and_over_the_team(record: Record) -> None:
    _team(record)
    s, child, e = record.session, record.child_id, record.entries
    hv = _who(record, record.hv)
    consent.set_consent(s, child, hv, "health", "deny")
    found = sharing.preview(s, child, hv, CARE, ["health", e["growth"]])
    assert _reasons(found)[e["growth"]] == "denied"
    assert not next(h for h in found.held_back if h.entry_id == e["growth"]).can_choose


def test_expired_and_withdrawn_stop_even_a_choice(record: Record) -> None:
    s, child, e = record.session, record.child_id, record.entries
    hv = _who(record, record.hv)
    consent.set_consent(s, child, hv, "immunisations", "permit", until=date(2026, 3, 5))
    consent.set_consent(s, child, hv, "development", "permit")
    consent.withdraw(s, child, hv, "development")
    record.clock.advance(timedelta(days=5))
    found = sharing.preview(s, child, hv, CARE, ["immunisations", "development"])
    reasons = _reasons(found)
    assert reasons[e["jab"]] == "expired" and reasons[e["journal"]] == "withdrawn"
    consent.set_consent(s, child, hv, "development", "permit")
    assert e["journal"] in _included(sharing.preview(s, child, hv, CARE, ["development"]))


def test_record_share_logs_the_hash_and_what_left(record: Record) -> None:
    _team(record)
    s, child = record.session, record.child_id
    hv = _who(record, record.hv)
    found = sharing.preview(s, child, hv, CARE, ["family_circumstances"])
    produced = b"%PDF-1.7 pretend"
    shared = sharing.record_share(s, child, hv, CARE, found.selection, "pdf", produced)
    assert shared.sha256 == hashlib.sha256(produced).hexdigest()
    assert shared.size_bytes == len(produced) and shared.format == "pdf"
    assert set(shared.entry_ids) == _included(found)
    assert shared.categories == ("identity", "health", "immunisations", "family_circumstances")
    assert shared.choices == ("family_circumstances",)
    assert shared.recipient.id == record.hv and shared.purpose == CARE
    assert sharing.share_log(s, child) == [shared]
    assert sharing.share_log(s, child, recipient_id=record.nursery) == []
    assert activity_log.verify(s._vault.conn) == [] and s.check() == []


def test_record_share_refuses_a_selection_that_no_longer_holds(record: Record) -> None:
    _team(record)
    s, child = record.session, record.child_id
    hv = _who(record, record.hv)
    found = sharing.preview(s, child, hv, CARE)
    consent.set_consent(s, child, hv, "health", "deny")
    with pytest.raises(errors.ValidationError) as caught:
        sharing.record_share(s, child, hv, CARE, found.selection, "pdf", b"x")
    assert caught.value.code == "consent-changed"
    with pytest.raises(errors.ValidationError):
        sharing.record_share(s, child, hv, Purpose("education"), found.selection, "pdf", b"x")
    with pytest.raises(errors.ValidationError):
        sharing.record_share(s, child, hv, CARE, found.selection, "PDF file!", b"x")
    assert sharing.share_log(s, child) == []


@pytest.mark.parametrize("how", ["edit", "delete"])
def test_an_edited_or_deleted_share_row_is_detected(record: Record, how: str) -> None:
    _team(record)
    s, child = record.session, record.child_id
    hv = _who(record, record.hv)
    found = sharing.preview(s, child, hv, CARE)
    shared = sharing.record_share(s, child, hv, CARE, found.selection, "pdf", b"bytes")
    sharing.record_share(s, child, hv, CARE, found.selection, "qr", b"more")
    conn = s._vault.conn
    conn.execute("DROP TRIGGER activity_log_no_update")
    conn.execute("DROP TRIGGER activity_log_no_delete")
    if how == "edit":
        conn.execute("UPDATE activity_log SET detail = replace(detail, 'pdf', 'txt')"
                     " WHERE seq = ?", (shared.seq,))
    else:
        conn.execute("DELETE FROM activity_log WHERE seq = ?", (shared.seq,))
    problems = s.check()
    assert problems and any("activity log" in p for p in problems)


def test_choices_by_prefix_and_unknown_choices(record: Record) -> None:
    s, child, e = record.session, record.child_id, record.entries
    assert sharing.resolve_choices(s, child, ["health", e["jab"][:8]]) == {"health", e["jab"]}
    with pytest.raises(errors.ValidationError):
        sharing.resolve_choices(s, child, ["nonsense"])


def test_teams_are_not_share_recipients(record: Record) -> None:
    team = consent.add_team(record.session, "Team", [record.hv])
    with pytest.raises(ValueError, match="member"):
        sharing.selection(record.session, record.child_id, team.recipient(), CARE)
