"""The family: the people who look after the children (carers, about the whole family),
and which children are shown (a child is archived — hidden, never deleted — and back)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from familyfile.domain import carers as carer_rules
from familyfile.domain.carers import Carer
from familyfile.domain.child import Child
from familyfile.domain.entry import Entry
from familyfile.domain.ids import ChildId
from familyfile.services.about_me import Item, check_kind
from familyfile.services.session import FamilySession
from familyfile.store import children


# -- carers ------------------------------------------------------------------------------------
def carers(session: FamilySession, *, include_archived: bool = False) -> list[Item[Carer]]:
    """Those with parental responsibility first, then "not sure", then the others; by name."""
    found = session.records.list_for(None, carer_rules.KIND, include_archived=include_archived)
    items = [Item(Carer.from_data(e.data), e) for e in found]
    return sorted(items, key=lambda i: carer_rules.sort_key(i.value))


def add_carer(session: FamilySession, raw: Mapping[str, Any]) -> Item[Carer]:
    carer = carer_rules.build(raw)
    entry = session.records.add(child_id=None, kind=carer_rules.KIND, data=carer.to_data(),
                                occurred_on=None)
    return Item(carer, entry)


def edit_carer(session: FamilySession, seen: Entry, raw: Mapping[str, Any]) -> Item[Carer]:
    check_kind(seen, carer_rules.KIND)
    carer = carer_rules.build(raw)
    entry = session.records.edit(seen, data=carer.to_data(), occurred_on=None)
    return Item(carer, entry)


def with_parental_responsibility(session: FamilySession) -> list[Carer]:
    return [i.value for i in carers(session) if i.value.parental_responsibility == "yes"]


# -- children shown or archived -------------------------------------------------------------------
def archive_child(session: FamilySession, child_id: str) -> None:
    """Hide a child from the switcher and the pages. Every entry is kept; it can be undone."""
    with session.write() as conn:
        children.set_archived(conn, ChildId(child_id), True, session.clock.now())


def unarchive_child(session: FamilySession, child_id: str) -> None:
    with session.write() as conn:
        children.set_archived(conn, ChildId(child_id), False, session.clock.now())


def archived_children(session: FamilySession) -> list[Child]:
    return children.list_archived(session.conn)


def is_archived(session: FamilySession, child_id: str) -> bool:
    return children.archived_utc(session.conn, ChildId(child_id)) is not None
