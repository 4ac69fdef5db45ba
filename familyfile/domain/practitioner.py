"""A practitioner's identity: who signs entry cards for a family (name, role, organisation, ODS code).

Pure: the checks a person's typing must pass before an identity file is made. The signing key
lives beside it in the practitioner's encrypted identity file (``store.identity_file``).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from familyfile.errors import ValidationError

ISSUER_PREFIX = "familyfile-practitioner:"
TEXT_MAX = 100
#: NHS ODS codes: 3 to 8 letters and digits (trusts "RX1", sites "RX1CC", practices "A81001").
_ODS = re.compile(r"^[A-Z0-9]{3,8}$")


@dataclass(frozen=True)
class Identity:
    """Who the practitioner is; ``identity_id`` (a UUID) makes their cards' ``iss``."""

    identity_id: str
    name: str
    role: str
    organisation: str
    ods_code: str = ""
    created_utc: str = ""

    @property
    def issuer(self) -> str:
        return ISSUER_PREFIX + self.identity_id

    @property
    def display(self) -> str:
        """"Jo Reed, Health Visitor, Riverside Health Visiting" (how the family sees them)."""
        return display_name(self.name, self.role, self.organisation)

    def to_data(self) -> dict[str, Any]:
        return {"identity_id": self.identity_id, "name": self.name, "role": self.role,
                "organisation": self.organisation, "ods_code": self.ods_code,
                "created_utc": self.created_utc}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Identity:
        return cls(str(data["identity_id"]), str(data["name"]), str(data["role"]),
                   str(data["organisation"]), str(data.get("ods_code") or ""),
                   str(data.get("created_utc") or ""))


def display_name(name: str, role: str, organisation: str) -> str:
    return ", ".join(part for part in (name, role, organisation) if part)


def _line(field: str, value: str, *, required: bool) -> str:
    text = " ".join(str(value).split())
    if required and not text:
        raise ValidationError(field, "required")
    if len(text) > TEXT_MAX:
        raise ValidationError(field, "too-long", max=TEXT_MAX)
    return text


def clean_ods(value: str) -> str:
    """An ODS code in capitals without spaces; "" when none was given."""
    code = "".join(str(value).split()).upper()
    if code and not _ODS.match(code):
        raise ValidationError("ods_code", "ods-code")
    return code


def validate(name: str, role: str, organisation: str, ods_code: str = "") -> list[ValidationError]:
    """Every problem, in form order."""
    found: list[ValidationError] = []
    for check in (lambda: _line("name", name, required=True), lambda: _line("role", role, required=True),
                  lambda: _line("organisation", organisation, required=True),
                  lambda: clean_ods(ods_code)):
        try:
            check()
        except ValidationError as exc:
            found.append(exc)
    return found


def build(name: str, role: str, organisation: str, ods_code: str = "", *, created_utc: str = "",
          identity_id: str | None = None) -> Identity:
    """A checked identity (the first problem raised)."""
    problems = validate(name, role, organisation, ods_code)
    if problems:
        raise problems[0]
    return Identity(identity_id or str(uuid.uuid4()), _line("name", name, required=True),
                    _line("role", role, required=True),
                    _line("organisation", organisation, required=True), clean_ods(ods_code),
                    created_utc)


def is_practitioner_issuer(issuer: str | None) -> bool:
    if not issuer or not issuer.startswith(ISSUER_PREFIX):
        return False
    try:
        uuid.UUID(issuer[len(ISSUER_PREFIX):])
    except ValueError:
        return False
    return True
