"""Facts about a child that several sections need (sex for growth charts, gestation for
corrected age), read from the About me and Birth entries.

Data keys (the contract between sections):
- kind ``about_me`` (one per child): ``sex`` is "female", "male" or "".
- kind ``birth`` (one per child): ``gestation_weeks`` (int) and ``gestation_days`` (int 0–6).
"""

from __future__ import annotations

from typing import Any

from familyfile.domain.age import Gestation
from familyfile.errors import ValidationError

ABOUT_ME = "about_me"
BIRTH = "birth"


def _single(session: Any, child_id: str, kind: str) -> dict[str, Any]:
    found = session.records.list_for(child_id, kind, limit=1)
    return found[0].data if found else {}


def sex(session: Any, child_id: str) -> str | None:
    value = _single(session, child_id, ABOUT_ME).get("sex")
    return value if value in ("female", "male") else None


def gestation(session: Any, child_id: str) -> Gestation | None:
    data = _single(session, child_id, BIRTH)
    weeks = data.get("gestation_weeks")
    if not isinstance(weeks, int):
        return None
    days = data.get("gestation_days") or 0
    try:
        return Gestation(weeks, int(days))
    except ValidationError:
        return None
