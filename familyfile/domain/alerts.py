"""Critical alerts: what a new professional must know first (an allergy, a condition, a
medicine, equipment). Each alert is its own entry (kind ``alert``) so it has its own history;
one that no longer applies is marked not active rather than removed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile.domain import fields as f
from familyfile.errors import ValidationError

KIND = "alert"
TYPES = ("allergy", "condition", "medicine", "equipment")
DETAILS_MAX = 1000


@dataclass(frozen=True)
class Alert:
    type: str
    what: str
    details: str = ""  # for example the reaction, or the dose and when it is given
    since: date | None = None
    active: bool = True

    @property
    def occurred_on(self) -> str | None:
        return self.since.isoformat() if self.since else None

    def to_data(self) -> dict[str, Any]:
        return {"type": self.type, "what": self.what, "details": self.details,
                "since": f.iso(self.since), "active": self.active}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Alert:
        since = data.get("since") or ""
        return cls(str(data.get("type", "")), str(data.get("what", "")),
                   str(data.get("details", "")),
                   date.fromisoformat(since) if since else None, bool(data.get("active", True)))


def _check(raw: Mapping[str, Any], today: date) -> tuple[Alert | None, list[ValidationError]]:
    p = f.Problems()
    kind = p.check(lambda: f.choice("alert_type", raw.get("type"), TYPES), "")
    what = p.check(lambda: f.text("alert_what", raw.get("what"), required=True, max_len=200), "")
    details = p.check(lambda: f.text("alert_details", raw.get("details"), max_len=DETAILS_MAX), "")
    since = p.check(lambda: f.optional_date("alert_since", raw.get("since"), today), None)
    active = p.check(lambda: f.yes_no("alert_active", raw.get("active", True)), True)
    if p.found:
        return None, p.found
    return Alert(kind, what, details, since, active), []


def validate(raw: Mapping[str, Any], today: date) -> list[ValidationError]:
    return _check(raw, today)[1]


def build(raw: Mapping[str, Any], today: date) -> Alert:
    return f.built(_check(raw, today))


def sort_key(alert: Alert) -> tuple[int, int, str]:
    """Active first, then allergies, conditions, medicines, equipment, then by name."""
    return (0 if alert.active else 1, TYPES.index(alert.type) if alert.type in TYPES else 9,
            alert.what.casefold())


def type_label(kind: str) -> str:
    """The kind of alert in words a parent reads ("Allergy")."""
    from familyfile.i18n import _

    words = {"allergy": _("Allergy"), "condition": _("Condition"), "medicine": _("Medicine"),
             "equipment": _("Equipment")}
    return words.get(kind, kind)
