"""Typed identifiers."""

from __future__ import annotations

import uuid
from typing import NewType

ChildId = NewType("ChildId", str)


def new_child_id() -> ChildId:
    return ChildId(uuid.uuid4().hex)
