"""About me: the front page of the child's record (the "hospital passport").

One ``about_me`` entry per child; edits keep history (the entry table does that). The
legal names and date of birth are also on the child row, which the service keeps in step.

Data keys (``to_data``) are a contract: ``sex`` is "female", "male" or "" and is used only to
choose the right growth chart (see services.child_facts); the NHS number is 10 digits or "".
Critical alerts, addresses and carers are separate entries (domain.alerts, .addresses, .carers).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import partial
from typing import Any

from familyfile.domain import child as child_rules
from familyfile.domain import fields as f
from familyfile.domain import nhs_number
from familyfile.errors import ValidationError

KIND = "about_me"
SEXES = ("female", "male", "")
_UPN = re.compile(r"^[A-Z][0-9]{11}[0-9A-Z]$")

#: Free-text fields a parent writes in their own words (longer than a name).
LONG_TEXT = ("likes", "dislikes", "communication", "what_helps")
#: Names of people and places, and phone numbers, for the contacts card.
CONTACTS = (("gp_practice", "gp_phone"), ("health_visitor_name", "health_visitor_phone"),
            ("key_worker_name", "key_worker_phone"),
            ("nursery_school_name", "nursery_school_phone"))
PHONES = tuple(phone for _name, phone in CONTACTS)


@dataclass(frozen=True)
class AboutMe:
    given_name: str
    family_name: str
    date_of_birth: date
    known_as: str = ""
    previous_names: tuple[str, ...] = ()
    sex: str = ""
    nhs_number: str = ""
    upn: str = ""  # Unique Pupil Number (given by schools in England)
    local_authority_id: str = ""
    languages: tuple[str, ...] = ()
    likes: str = ""
    dislikes: str = ""
    communication: str = ""
    what_helps: str = ""
    gp_practice: str = ""
    gp_phone: str = ""
    health_visitor_name: str = ""
    health_visitor_phone: str = ""
    key_worker_name: str = ""
    key_worker_organisation: str = ""
    key_worker_phone: str = ""
    nursery_school_name: str = ""
    nursery_school_phone: str = ""

    @property
    def legal_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def called(self) -> str:
        """What to call the child: the known-as name, else the first name."""
        return self.known_as or self.given_name

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, date):
                value = value.isoformat()
            data[field.name] = value
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> AboutMe:
        """From stored data (already checked when saved); unknown keys are ignored."""
        values: dict[str, Any] = {}
        for field in fields(cls):
            if field.name not in data:
                continue
            value = data[field.name]
            if field.name == "date_of_birth":
                value = date.fromisoformat(str(value))
            elif field.name in ("previous_names", "languages"):
                value = tuple(str(v) for v in value or ())
            else:
                value = f.as_text(value)
            values[field.name] = value
        return cls(**values)

    def with_changes(self, **changes: Any) -> AboutMe:
        return replace(self, **changes)


def blank(given_name: str, family_name: str, born: date) -> AboutMe:
    """About me before anything was written: what the child row already knows."""
    return AboutMe(given_name, family_name, born)


def upn(field: str, value: Any) -> str:
    cleaned = "".join(f.as_text(value).split()).upper()
    if cleaned and not _UPN.match(cleaned):
        raise ValidationError(field, "upn-format")
    return cleaned


def optional_nhs_number(value: Any) -> str:
    raw = f.as_text(value).strip()
    return nhs_number.parse(raw) if raw else ""


def _check(raw: Mapping[str, Any], today: date) -> tuple[AboutMe | None, list[ValidationError]]:
    p = f.Problems()
    get = raw.get
    given = p.check(lambda: child_rules.clean_name("given_name", f.as_text(get("given_name"))), "")
    family = p.check(lambda: child_rules.clean_name("family_name", f.as_text(get("family_name"))),
                     "")
    born = p.check(lambda: child_rules.check_date_of_birth(
        f.as_text(get("date_of_birth")), today), None)
    values: dict[str, Any] = {
        "known_as": p.check(lambda: f.text("known_as", get("known_as")), ""),
        "previous_names": p.check(lambda: f.text_list("previous_names", get("previous_names")), ()),
        "sex": p.check(lambda: f.choice("sex", get("sex") or "", SEXES), ""),
        "nhs_number": p.check(lambda: optional_nhs_number(get("nhs_number")), ""),
        "upn": p.check(lambda: upn("upn", get("upn")), ""),
        "local_authority_id": p.check(lambda: f.text("local_authority_id",
                                                     get("local_authority_id"), max_len=40), ""),
        "languages": p.check(lambda: f.text_list("languages", get("languages"), max_len=60), ()),
    }
    for key in LONG_TEXT:
        values[key] = p.check(partial(f.text, key, get(key), max_len=f.TEXT_MAX), "")
    for key in ("gp_practice", "health_visitor_name", "key_worker_name",
                "key_worker_organisation", "nursery_school_name"):
        values[key] = p.check(partial(f.text, key, get(key)), "")
    for key in PHONES:
        values[key] = p.check(partial(f.phone, key, get(key)), "")
    if p.found or born is None:
        return None, p.found
    return AboutMe(given, family, born, **values), []


def validate(raw: Mapping[str, Any], today: date) -> list[ValidationError]:
    """Every problem with what was typed, in the order of the form (for an error summary)."""
    return _check(raw, today)[1]


def build(raw: Mapping[str, Any], today: date) -> AboutMe:
    """The checked About me; raises the first problem (see ``validate`` for all of them)."""
    return f.built(_check(raw, today))
