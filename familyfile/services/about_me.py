"""About me, critical alerts and address history for one child.

Saving About me also updates the child row (legal names, date of birth) in the same
transaction, so the child switcher and the record never disagree. Every save keeps the
earlier versions (entry history); nothing is deleted, only archived.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from familyfile import errors
from familyfile.domain import about_me as about_rules
from familyfile.domain import addresses as address_rules
from familyfile.domain import alerts as alert_rules
from familyfile.domain.about_me import AboutMe
from familyfile.domain.addresses import Address
from familyfile.domain.alerts import Alert
from familyfile.domain.child import Child
from familyfile.domain.entry import Entry, new_entry_id
from familyfile.domain.ids import ChildId
from familyfile.i18n import _
from familyfile.services.session import FamilySession
from familyfile.store import children, entries

T = TypeVar("T")


@dataclass(frozen=True)
class Item(Generic[T]):
    """A checked value and the stored entry it came from (for editing and history)."""

    value: T
    entry: Entry


def check_kind(entry: Entry, kind: str, child_id: str | None = None) -> None:
    if entry.kind != kind or (child_id is not None and entry.child_id != child_id):
        raise errors.NotFoundError(kind)


# -- About me ---------------------------------------------------------------------------------
def about_me_entry(session: FamilySession, child_id: str) -> Entry | None:
    found = session.records.list_for(child_id, about_rules.KIND, limit=1)
    return found[0] if found else None


def get_about_me(session: FamilySession, child_id: str) -> tuple[AboutMe, Entry | None]:
    """The child's About me and its entry (None before the first save: built from the child row)."""
    entry = about_me_entry(session, child_id)
    if entry is not None:
        return AboutMe.from_data(entry.data), entry
    child = session.child(child_id)
    return about_rules.blank(child.given_name, child.family_name, child.date_of_birth), None


def save_about_me(session: FamilySession, child_id: str, raw: Mapping[str, Any], *,
                  seen: Entry | None) -> Entry:
    """Check and save; ``seen`` is the entry the person was editing (None: there was none).

    Raises ValidationError for a bad field and EditConflictError when it changed meanwhile.
    """
    about = about_rules.build(raw, session.today())
    if seen is not None:
        check_kind(seen, about_rules.KIND, child_id)
    session.child(child_id)  # an unknown child is NotFound before anything is written
    now = session.clock.now()
    with session.write() as conn:  # one transaction for the entry and the child row
        if seen is None:
            if entries.list_entries(conn, child_id=child_id, kind=about_rules.KIND,
                                    include_archived=True, limit=1):
                raise errors.EditConflictError("about me was saved meanwhile")
            saved = entries.insert(conn, entry_id=new_entry_id(), child_id=child_id,
                                   kind=about_rules.KIND, occurred_on=None, data=about.to_data(),
                                   author=session.author, now=now)
        else:
            saved = entries.update(conn, seen.id, seen.version, data=about.to_data(),
                                   occurred_on=None, author=session.author, now=now)
        children.update(conn, Child(ChildId(child_id), about.given_name, about.family_name,
                                    about.date_of_birth), now)
    return saved


def update_about_me(session: FamilySession, child_id: str, **changes: Any) -> Entry:
    """Change a few fields and keep the rest (the command line's ``about set``)."""
    about, entry = get_about_me(session, child_id)
    data = about.to_data()
    data.update(changes)
    return save_about_me(session, child_id, data, seen=entry)


# -- entries with their own history ------------------------------------------------------------
def _items(session: FamilySession, child_id: str | None, kind: str,
           parse: Callable[[Mapping[str, Any]], T], include_archived: bool) -> list[Item[T]]:
    found = session.records.list_for(child_id, kind, include_archived=include_archived)
    return [Item(parse(e.data), e) for e in found]


def archive(session: FamilySession, entry: Entry) -> Entry:
    """Hide an alert, address or carer (it stays in the file and can be restored)."""
    return session.records.archive(entry)


def restore(session: FamilySession, entry: Entry) -> Entry:
    return session.records.restore(entry)


# -- critical alerts ---------------------------------------------------------------------------
def alerts(session: FamilySession, child_id: str, *, active_only: bool = False,
           include_archived: bool = False) -> list[Item[Alert]]:
    """Active first, then by type (allergies first) and name."""
    found = _items(session, child_id, alert_rules.KIND, Alert.from_data, include_archived)
    if active_only:
        found = [i for i in found if i.value.active]
    return sorted(found, key=lambda i: alert_rules.sort_key(i.value))


def add_alert(session: FamilySession, child_id: str, raw: Mapping[str, Any]) -> Item[Alert]:
    alert = alert_rules.build(raw, session.today())
    session.child(child_id)
    entry = session.records.add(child_id=child_id, kind=alert_rules.KIND, data=alert.to_data(),
                                occurred_on=alert.occurred_on)
    return Item(alert, entry)


def edit_alert(session: FamilySession, seen: Entry, raw: Mapping[str, Any]) -> Item[Alert]:
    check_kind(seen, alert_rules.KIND)
    alert = alert_rules.build(raw, session.today())
    entry = session.records.edit(seen, data=alert.to_data(), occurred_on=alert.occurred_on)
    return Item(alert, entry)


# -- address history ---------------------------------------------------------------------------
def addresses(session: FamilySession, child_id: str, *,
              include_archived: bool = False) -> list[Item[Address]]:
    """Newest move first."""
    return _items(session, child_id, address_rules.KIND, Address.from_data, include_archived)


def add_address(session: FamilySession, child_id: str, raw: Mapping[str, Any]) -> Item[Address]:
    address = address_rules.build(raw, session.today())
    session.child(child_id)
    entry = session.records.add(child_id=child_id, kind=address_rules.KIND,
                                data=address.to_data(), occurred_on=address.occurred_on)
    return Item(address, entry)


def edit_address(session: FamilySession, seen: Entry, raw: Mapping[str, Any]) -> Item[Address]:
    check_kind(seen, address_rules.KIND)
    address = address_rules.build(raw, session.today())
    entry = session.records.edit(seen, data=address.to_data(), occurred_on=address.occurred_on)
    return Item(address, entry)


def address_warnings(session: FamilySession, child_id: str) -> list[str]:
    """Plain sentences about overlapping dates (a warning: the addresses are still saved)."""
    found = [i.value for i in addresses(session, child_id)]
    sentences = []
    for first, second in address_rules.overlaps(found):
        if first.current and second.current:
            text = _("{first} and {second} both have no moving-out date. Add the date the "
                     "child moved out of the older one.")
        else:
            text = _("The dates for {first} and {second} overlap. If that is not right, "
                     "check the moving-in and moving-out dates.")
        sentences.append(text.format(first=_short(first), second=_short(second)))
    return sentences


def _short(address: Address) -> str:
    return address.lines[0] if address.lines else address.town
