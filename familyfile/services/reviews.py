"""Healthy Child Programme contacts, the integrated review and vision/hearing checks."""

from __future__ import annotations

from typing import Any

from familyfile.domain import reviews as rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError


def _raise_first(problems: list[ValidationError]) -> None:
    if problems:
        raise problems[0]


def _save(session: Any, child_id: str, kind: str, record: Any, existing: Entry | None,
          validate: Any) -> Entry:
    """Check ``record`` against the child's birth date and today, then add or edit it."""
    _raise_first(validate(record, session.child(child_id).date_of_birth, session.today()))
    if existing is None:
        return session.records.add(child_id=child_id, kind=kind, data=record.to_data(),
                                   occurred_on=record.on)
    return session.records.edit(existing, data=record.to_data(), occurred_on=record.on)


def record_contact(session: Any, child_id: str, record: rules.Contact,
                   existing: Entry | None = None) -> Entry:
    return _save(session, child_id, rules.CONTACT_KIND, record, existing, rules.validate_contact)


def contacts(session: Any, child_id: str) -> list[tuple[rules.Contact, Entry]]:
    found = session.records.list_for(child_id, rules.CONTACT_KIND, newest_first=False)
    return [(rules.Contact.from_data(e.data), e) for e in found]


def contact_statuses(session: Any, child_id: str) -> list[rules.ContactStatus]:
    born = session.child(child_id).date_of_birth
    recorded = [c for c, _ in contacts(session, child_id)]
    return rules.contact_statuses(born, recorded, session.today())


def due_contacts(session: Any, child_id: str) -> list[rules.ContactStatus]:
    """Contacts due or overdue now (for the overview)."""
    return [s for s in contact_statuses(session, child_id) if s.state in ("due", "overdue")]


def record_integrated(session: Any, child_id: str, review: rules.IntegratedReview,
                      existing: Entry | None = None) -> Entry:
    return _save(session, child_id, rules.INTEGRATED_KIND, review, existing,
                 rules.validate_integrated)


def integrated_reviews(session: Any, child_id: str) -> list[tuple[rules.IntegratedReview, Entry]]:
    found = session.records.list_for(child_id, rules.INTEGRATED_KIND)
    return [(rules.IntegratedReview.from_data(e.data), e) for e in found]


def latest_review(session: Any, child_id: str) -> tuple[rules.IntegratedReview, Entry] | None:
    found = integrated_reviews(session, child_id)
    return found[0] if found else None


def record_check(session: Any, child_id: str, record: rules.ScreeningCheck,
                 existing: Entry | None = None) -> Entry:
    return _save(session, child_id, rules.CHECK_KIND, record, existing, rules.validate_check)


def checks(session: Any, child_id: str) -> list[tuple[rules.ScreeningCheck, Entry]]:
    found = session.records.list_for(child_id, rules.CHECK_KIND)
    return [(rules.ScreeningCheck.from_data(e.data), e) for e in found]
