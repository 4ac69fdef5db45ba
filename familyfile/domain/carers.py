"""The people who look after the child (kind ``carer``, about the family: no child id).

Parental responsibility can be "yes", "no" or "unsure" — families are often not sure, and
saying so is better than guessing. Co-holding means this person also keeps the family file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from familyfile.domain import fields as f
from familyfile.errors import ValidationError

KIND = "carer"
PARENTAL_RESPONSIBILITY = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Carer:
    name: str
    relationship: str
    phone: str = ""
    parental_responsibility: str = "unsure"
    co_holds_file: bool = False

    def to_data(self) -> dict[str, Any]:
        return {"name": self.name, "relationship": self.relationship, "phone": self.phone,
                "parental_responsibility": self.parental_responsibility,
                "co_holds_file": self.co_holds_file}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Carer:
        return cls(str(data.get("name", "")), str(data.get("relationship", "")),
                   str(data.get("phone", "")), str(data.get("parental_responsibility", "unsure")),
                   bool(data.get("co_holds_file", False)))


def _check(raw: Mapping[str, Any]) -> tuple[Carer | None, list[ValidationError]]:
    p = f.Problems()
    name = p.check(lambda: f.text("carer_name", raw.get("name"), required=True), "")
    relationship = p.check(lambda: f.text("relationship", raw.get("relationship"),
                                          required=True, max_len=60), "")
    phone = p.check(lambda: f.phone("carer_phone", raw.get("phone")), "")
    responsibility = p.check(lambda: f.choice(
        "parental_responsibility", raw.get("parental_responsibility") or "unsure",
        PARENTAL_RESPONSIBILITY), "unsure")
    holds = p.check(lambda: f.yes_no("co_holds_file", raw.get("co_holds_file", False)), False)
    if p.found:
        return None, p.found
    return Carer(name, relationship, phone, responsibility, holds), []


def validate(raw: Mapping[str, Any]) -> list[ValidationError]:
    return _check(raw)[1]


def build(raw: Mapping[str, Any]) -> Carer:
    return f.built(_check(raw))


def sort_key(carer: Carer) -> tuple[int, str]:
    order = {"yes": 0, "unsure": 1, "no": 2}
    return (order.get(carer.parental_responsibility, 3), carer.name.casefold())
