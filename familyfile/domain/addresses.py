"""Where the child has lived: dated addresses (kind ``address``), because moves between
areas are when records get lost. The current address is the one with no end date.
Overlapping dates are allowed (families do stay in two places) but are pointed out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile.domain import fields as f
from familyfile.errors import ValidationError

KIND = "address"
MAX_LINES = 4
# Lenient UK postcode shape: any case, with or without the space ("sw1a1aa" → "SW1A 1AA").
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


@dataclass(frozen=True)
class Address:
    lines: tuple[str, ...]
    town: str
    postcode: str
    from_date: date
    to_date: date | None = None

    @property
    def current(self) -> bool:
        return self.to_date is None

    @property
    def occurred_on(self) -> str:
        return self.from_date.isoformat()

    @property
    def one_line(self) -> str:
        return ", ".join(part for part in (*self.lines, self.town, self.postcode) if part)

    def to_data(self) -> dict[str, Any]:
        return {"lines": list(self.lines), "town": self.town, "postcode": self.postcode,
                "from_date": self.from_date.isoformat(), "to_date": f.iso(self.to_date)}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Address:
        ended = data.get("to_date") or ""
        return cls(tuple(str(x) for x in data.get("lines") or ()), str(data.get("town", "")),
                   str(data.get("postcode", "")), date.fromisoformat(str(data["from_date"])),
                   date.fromisoformat(ended) if ended else None)


def postcode(field: str, value: Any) -> str:
    """A UK postcode, tidied ("sw1a1aa" → "SW1A 1AA"); empty is allowed."""
    squeezed = "".join(f.as_text(value).split()).upper()
    if not squeezed:
        return ""
    match = _POSTCODE.match(squeezed)
    if not match:
        raise ValidationError(field, "postcode-format")
    return f"{match.group(1)} {match.group(2)}"


def _lines(value: Any) -> tuple[str, ...]:
    found = f.text_list("address_lines", value.splitlines() if isinstance(value, str) else value,
                        max_items=MAX_LINES)
    if not found:
        raise ValidationError("address_lines", "required")
    return found


def _check(raw: Mapping[str, Any], today: date) -> tuple[Address | None, list[ValidationError]]:
    p = f.Problems()
    lines = p.check(lambda: _lines(raw.get("lines")), ())
    town = p.check(lambda: f.text("town", raw.get("town")), "")
    code = p.check(lambda: postcode("postcode", raw.get("postcode")), "")
    start = p.check(lambda: f.required_date("from_date", raw.get("from_date"), today), None)
    end = p.check(lambda: f.optional_date("to_date", raw.get("to_date"), today), None)
    if start and end and end < start:
        p.found.append(ValidationError("to_date", "moved-out-before-moved-in"))
    if p.found or start is None:
        return None, p.found
    return Address(lines, town, code, start, end), []


def validate(raw: Mapping[str, Any], today: date) -> list[ValidationError]:
    return _check(raw, today)[1]


def build(raw: Mapping[str, Any], today: date) -> Address:
    return f.built(_check(raw, today))


def _overlap(a: Address, b: Address) -> bool:
    """Both lived in at once for at least one day (moving day itself is not counted)."""
    a_end = a.to_date or date.max
    b_end = b.to_date or date.max
    return a.from_date < b_end and b.from_date < a_end


def overlaps(addresses: Iterable[Address]) -> list[tuple[Address, Address]]:
    """Every pair whose dates overlap, oldest first (more than one current address counts)."""
    ordered = sorted(addresses, key=lambda a: (a.from_date, a.to_date or date.max))
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:] if _overlap(a, b)]


def current(addresses: Iterable[Address]) -> Address | None:
    """The newest address with no end date."""
    open_ended = [a for a in addresses if a.current]
    return max(open_ended, key=lambda a: a.from_date) if open_ended else None
