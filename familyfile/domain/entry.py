"""What every entry in the record has: who wrote it, when, and its version."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal, NewType

from familyfile.errors import ValidationError

EntryId = NewType("EntryId", str)
AuthorKind = Literal["parent", "key_worker", "professional"]
AUTHOR_KINDS: tuple[str, ...] = ("parent", "key_worker", "professional")


def new_entry_id() -> EntryId:
    return EntryId(uuid.uuid4().hex)


@dataclass(frozen=True)
class Author:
    """Who wrote an entry: the parent, a named key worker, or a professional who signed it."""

    kind: str = "parent"
    name: str = ""

    def __post_init__(self) -> None:
        if self.kind not in AUTHOR_KINDS:
            raise ValidationError("author", "bad-choice")
        if self.kind != "parent" and not self.name.strip():
            raise ValidationError("author_name", "required")


PARENT = Author()


@dataclass(frozen=True)
class Entry:
    id: EntryId
    child_id: str | None
    kind: str
    occurred_on: str | None
    data: dict[str, Any]
    version: int
    author: Author
    created_utc: str
    updated_utc: str
    archived_utc: str | None = None

    @property
    def archived(self) -> bool:
        return self.archived_utc is not None


@dataclass(frozen=True)
class HistoryItem:
    version: int
    action: str
    occurred_on: str | None
    data: dict[str, Any]
    author: Author
    changed_utc: str
