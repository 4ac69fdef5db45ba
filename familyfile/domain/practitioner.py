"""A practitioner's identity: who signs entry cards for a family (name, role, organisation, ODS code).

Pure: the checks a person's typing must pass before an identity file is made. The signing key
lives beside it in the practitioner's encrypted identity file (``store.identity_file``).
Their entry cards do not name them: their **key card** does, as
"name, role, organisation (ODS code)" (:func:`key_card_name`); families pin that name.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from familyfile.errors import ValidationError

ISSUER_PREFIX = "familyfile-practitioner:"
TEXT_MAX = 100
#: The key card's name in UTF-8 bytes: at most 300, so the key card (the name, the key, the
#: issuer) fits one QR code at level M (918 of 927 characters for 300 ASCII characters).
KEY_CARD_NAME_BYTES = 300
#: New identities: 16 base64url characters (96 bits); files made earlier hold a UUID.
_NEW_ID = re.compile(r"^[A-Za-z0-9_-]{16}$")
#: NHS ODS codes: 3 to 8 letters and digits (trusts "RX1", sites "RX1CC", practices "A81001").
_ODS = re.compile(r"^[A-Z0-9]{3,8}$")


@dataclass(frozen=True)
class Identity:
    """Who the practitioner is; ``identity_id`` (16 base64url characters; a UUID in files made
    before) makes their cards' ``iss``."""

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

    @property
    def key_card_name(self) -> str:
        """The name on their key card: the display name, then the ODS code if there is one."""
        return key_card_name(self.name, self.role, self.organisation, self.ods_code)

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


def key_card_name(name: str, role: str, organisation: str, ods_code: str = "") -> str:
    """"Jo Reed, Health Visitor, Riverside Health Visiting (ODS RX1CC)"."""
    shown = display_name(name, role, organisation)
    return f"{shown} (ODS {ods_code})" if ods_code else shown


_ODS_SUFFIX = re.compile(r"^(?P<shown>.+) \(ODS (?P<ods>[A-Z0-9]{3,8})\)$")


@dataclass(frozen=True)
class SignerName:
    """A pinned key card's name read back: the whole display, its parts and the ODS code.

    ``name``, ``role`` and ``organisation`` are the display's three parts when it has exactly
    three (", " between them); otherwise ``name`` is the whole display and the others are empty.
    """

    display: str
    name: str
    role: str = ""
    organisation: str = ""
    ods_code: str = ""


def read_key_card_name(text: str) -> SignerName:
    """Inverse of :func:`key_card_name`, as far as a free-text name allows."""
    text = " ".join(str(text).split())
    found = _ODS_SUFFIX.match(text)
    shown, ods = (found["shown"], found["ods"]) if found else (text, "")
    parts = shown.split(", ")
    if len(parts) == 3 and all(parts):
        return SignerName(shown, parts[0], parts[1], parts[2], ods)
    return SignerName(shown, shown, ods_code=ods)


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
    if not found:
        found += _fits_key_card(name, role, organisation, ods_code)
    return found


def _fits_key_card(name: str, role: str, organisation: str, ods_code: str) -> list[ValidationError]:
    """The key card must print as one QR code: when the name is too long, the longest field is
    asked to be shorter by enough characters (each is at least one byte)."""
    lines = {"name": _line("name", name, required=True), "role": _line("role", role, required=True),
             "organisation": _line("organisation", organisation, required=True)}
    whole = key_card_name(lines["name"], lines["role"], lines["organisation"], clean_ods(ods_code))
    excess = len(whole.encode("utf-8")) - KEY_CARD_NAME_BYTES
    if excess <= 0:
        return []
    longest = max(lines, key=lambda f: len(lines[f].encode("utf-8")))
    return [ValidationError(longest, "too-long", max=max(1, len(lines[longest]) - excess))]


def build(name: str, role: str, organisation: str, ods_code: str = "", *, created_utc: str = "",
          identity_id: str | None = None) -> Identity:
    """A checked identity (the first problem raised)."""
    problems = validate(name, role, organisation, ods_code)
    if problems:
        raise problems[0]
    return Identity(identity_id or new_identity_id(), _line("name", name, required=True),
                    _line("role", role, required=True),
                    _line("organisation", organisation, required=True), clean_ods(ods_code),
                    created_utc)


def new_identity_id() -> str:
    """16 base64url characters (96 random bits): a short ``iss`` keeps entry cards small."""
    return secrets.token_urlsafe(12)


def is_practitioner_issuer(issuer: str | None) -> bool:
    """``familyfile-practitioner:`` then a 16-character id, or a UUID (identity files made before)."""
    if not issuer or not issuer.startswith(ISSUER_PREFIX):
        return False
    found = issuer[len(ISSUER_PREFIX):]
    if _NEW_ID.match(found):
        return True
    try:
        uuid.UUID(found)
    except ValueError:
        return False
    return len(found) == 36
