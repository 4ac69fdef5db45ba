"""Involvement history: the services and people who have helped the child (kind "involvement").

"A record of any additional support the child has had from any agency" (seed 001 L283–287).
Maps onto the PRSB Healthy Child Record "professional contacts" (organisation, team, role,
involvement type, phone, start/end, reason) and FHIR R4 EpisodeOfCare: ``agency`` → type,
``organisation``/``ods_code`` → managingOrganization, ``professional``/``role`` →
PractitionerRole, ``start_date``/``end_date`` → period, ``lead`` → careManager,
``team_around_child`` → team.

Social care is always marked as recorded by the family: the family's own note that a
social worker is involved, never an official record. Nothing here scores risk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from familyfile.domain import fields
from familyfile.domain.child import OLDEST_YEARS
from familyfile.errors import ValidationError
from familyfile.i18n import _

KIND = "involvement"
SOCIAL_CARE = "social_care"
SHORT_MAX = 200
LONG_MAX = 2000

_ODS = re.compile(r"^[A-Z0-9]{3,10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE_ONLY = re.compile(r"^[0-9 +()\-.]+$")


@dataclass(frozen=True)
class AgencyType:
    key: str
    name: Callable[[], str]
    explanation: Callable[[], str]


AGENCY_TYPES: tuple[AgencyType, ...] = (
    AgencyType("health_visiting", lambda: _("Health visitor"), lambda: _(
        "A nurse who checks how your child is growing and how the family is doing, up to age 5.")),
    AgencyType("midwifery", lambda: _("Midwife"), lambda: _(
        "Looks after mum and baby in pregnancy and in the first days after birth.")),
    AgencyType("gp", lambda: _("GP (family doctor)"), lambda: _(
        "Your family doctor at the local surgery.")),
    AgencyType("family_hub", lambda: _("Children's centre or family hub"), lambda: _(
        "A local place with groups, advice and help for families with young children.")),
    AgencyType("nursery_childminder", lambda: _("Nursery or childminder"), lambda: _(
        "Where your child plays and learns while someone else looks after them.")),
    AgencyType("school", lambda: _("School"), lambda: _(
        "Your child's school, including the reception class.")),
    AgencyType("speech_language", lambda: _("Speech and language therapy"), lambda: _(
        "Helps children with talking, understanding, and eating or swallowing.")),
    AgencyType("paediatrics", lambda: _("Children's doctor or child development centre"), lambda: _(
        "Doctors and teams (paediatrics) who check how a child grows and develops.")),
    AgencyType("physio_ot", lambda: _("Physiotherapy or occupational therapy"), lambda: _(
        "Helps with moving, balance, and everyday things like dressing or holding a spoon.")),
    AgencyType("mental_health", lambda: _("Mental health support"), lambda: _(
        "Help with feelings and worries, for a parent around the birth or for a child.")),
    AgencyType("family_nurse", lambda: _("Family Nurse Partnership"), lambda: _(
        "A nurse who visits young first-time parents from pregnancy until the child is 2.")),
    AgencyType("early_help", lambda: _("Early help or key worker"), lambda: _(
        "A worker who helps the family get the right help early and joins it up.")),
    AgencyType(SOCIAL_CARE, lambda: _("Children's social care"), lambda: _(
        "Social workers from the council. What you write here is your family's own note.")),
    AgencyType("voluntary", lambda: _("Charity or community group"), lambda: _(
        "A charity or local group that helps your family.")),
    AgencyType("housing", lambda: _("Housing"), lambda: _(
        "The council or a housing association helping with where you live.")),
    AgencyType("other", lambda: _("Other"), lambda: _(
        "Any other service or person who has helped.")),
)
AGENCY_KEYS: tuple[str, ...] = tuple(a.key for a in AGENCY_TYPES)


def agency_type(key: str) -> AgencyType:
    for agency in AGENCY_TYPES:
        if agency.key == key:
            return agency
    raise ValidationError("agency", "bad-choice")


def agency_name(key: str) -> str:
    try:
        return agency_type(key).name()
    except ValidationError:
        return key


@dataclass(frozen=True)
class InvolvementDraft:
    """What a person typed, before it is checked. Dates are ISO ``YYYY-MM-DD``."""

    agency: str
    organisation: str
    start_date: str
    ods_code: str = ""
    team: str = ""
    professional: str = ""
    role: str = ""
    contact: str = ""
    end_date: str = ""
    reason: str = ""
    outcome: str = ""
    lead: bool = False
    team_around_child: bool = False


@dataclass(frozen=True)
class Involvement:
    agency: str
    organisation: str
    start_date: date
    agency_id: str
    ods_code: str = ""
    team: str = ""
    professional: str = ""
    role: str = ""
    contact: str = ""
    end_date: date | None = None
    reason: str = ""
    outcome: str = ""
    lead: bool = False
    team_around_child: bool = False

    @property
    def recorded_by_family(self) -> bool:
        """Social care is always the family's own note, never an official record."""
        return self.agency == SOCIAL_CARE

    def is_current(self, today: date) -> bool:
        return self.end_date is None or self.end_date > today

    def to_data(self) -> dict[str, Any]:
        return {
            "agency": self.agency, "agency_id": self.agency_id,
            "organisation": self.organisation, "ods_code": self.ods_code, "team": self.team,
            "professional": self.professional, "role": self.role, "contact": self.contact,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "reason": self.reason, "outcome": self.outcome, "lead": self.lead,
            "team_around_child": self.team_around_child,
            "recorded_by_family": self.recorded_by_family,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Involvement:
        end = data.get("end_date")
        return cls(
            agency=str(data.get("agency") or "other"),
            organisation=str(data.get("organisation") or ""),
            start_date=date.fromisoformat(str(data["start_date"])),
            agency_id=str(data.get("agency_id") or ""),
            ods_code=str(data.get("ods_code") or ""), team=str(data.get("team") or ""),
            professional=str(data.get("professional") or ""), role=str(data.get("role") or ""),
            contact=str(data.get("contact") or ""),
            end_date=date.fromisoformat(str(end)) if end else None,
            reason=str(data.get("reason") or ""), outcome=str(data.get("outcome") or ""),
            lead=bool(data.get("lead")), team_around_child=bool(data.get("team_around_child")),
        )

    def to_draft(self) -> InvolvementDraft:
        """The form's starting point for an edit."""
        return InvolvementDraft(
            self.agency, self.organisation, self.start_date.isoformat(), self.ods_code,
            self.team, self.professional, self.role, self.contact,
            self.end_date.isoformat() if self.end_date else "", self.reason, self.outcome,
            self.lead, self.team_around_child)


# -- checks ---------------------------------------------------------------------------------------
def clean_text(field: str, value: str, max_len: int = SHORT_MAX, *, required: bool = False,
               multiline: bool = False) -> str:
    text = value.strip() if multiline else " ".join(value.split())
    if required and not text:
        raise ValidationError(field, "required")
    if len(text) > max_len:
        raise ValidationError(field, "too-long", max=max_len)
    return text


def check_ods(value: str) -> str:
    code = "".join(value.split()).upper()
    if code and not _ODS.match(code):
        raise ValidationError("ods_code", "ods-format")
    return code


def check_contact(value: str) -> str:
    """Lenient: free words are fine; anything that looks like an e-mail or a bare phone
    number must be one."""
    text = clean_text("contact", value)
    for token in re.split(r"[\s,;]+", text):
        if "@" in token and not _EMAIL.match(token.strip("<>()[]")):
            raise ValidationError("contact", "contact-format")
    if text and _PHONE_ONLY.match(text):
        digits = sum(c.isdigit() for c in text)
        if not 7 <= digits <= 15:
            raise ValidationError("contact", "contact-format")
    return text


def check_day(field: str, value: str, today: date, *, required: bool) -> date | None:
    if not value.strip():
        if required:
            raise ValidationError(field, "required")
        return None
    day = fields.iso_date(field, value)
    if day.year < today.year - OLDEST_YEARS:
        raise ValidationError(field, "date-too-old")
    return day


def _start(draft: InvolvementDraft, today: date) -> date | None:
    start = check_day("start_date", draft.start_date, today, required=True)
    if start is not None and start > today:
        raise ValidationError("start_date", "date-in-future")
    return start


def _end(draft: InvolvementDraft, today: date) -> date | None:
    end = check_day("end_date", draft.end_date, today, required=False)
    try:
        start = _start(draft, today)
    except ValidationError:
        return end
    if end is not None and start is not None and end < start:
        raise ValidationError("end_date", "end-before-start")
    return end


def validate(draft: InvolvementDraft, today: date) -> list[ValidationError]:
    """Every problem with the draft, in form order (for the error summary)."""
    return fields.every_problem([
        lambda: agency_type(draft.agency),
        lambda: clean_text("organisation", draft.organisation, required=True),
        lambda: check_ods(draft.ods_code),
        lambda: clean_text("team", draft.team),
        lambda: clean_text("professional", draft.professional),
        lambda: clean_text("role", draft.role),
        lambda: check_contact(draft.contact),
        lambda: _start(draft, today),
        lambda: _end(draft, today),
        lambda: clean_text("reason", draft.reason, LONG_MAX, multiline=True),
        lambda: clean_text("outcome", draft.outcome, LONG_MAX, multiline=True),
    ])


def build(draft: InvolvementDraft, today: date, agency_id: str) -> Involvement:
    fields.raise_first(validate(draft, today))
    start = _start(draft, today)
    assert start is not None
    return Involvement(
        agency=draft.agency,
        organisation=clean_text("organisation", draft.organisation, required=True),
        start_date=start, agency_id=agency_id, ods_code=check_ods(draft.ods_code),
        team=clean_text("team", draft.team),
        professional=clean_text("professional", draft.professional),
        role=clean_text("role", draft.role), contact=check_contact(draft.contact),
        end_date=_end(draft, today),
        reason=clean_text("reason", draft.reason, LONG_MAX, multiline=True),
        outcome=clean_text("outcome", draft.outcome, LONG_MAX, multiline=True),
        lead=bool(draft.lead), team_around_child=bool(draft.team_around_child))


def ended(involvement: Involvement, on: date, outcome: str | None, today: date) -> Involvement:
    """The same involvement, ended on ``on`` (checked like any edit)."""
    draft = replace(involvement.to_draft(), end_date=on.isoformat(),
                    outcome=involvement.outcome if outcome is None else outcome)
    return build(draft, today, involvement.agency_id)


def same_agency(a: Involvement, b: Involvement) -> bool:
    """Whether two involvements are with the same agency (the consent issue's unit)."""
    if a.agency != b.agency or a.team.casefold() != b.team.casefold():
        return False
    if a.ods_code and b.ods_code:
        return a.ods_code == b.ods_code
    return a.organisation.casefold() == b.organisation.casefold()


def who_text(involvement: Involvement) -> str:
    """"Sam Patel, speech therapist" — whoever is named, in one line."""
    return ", ".join(p for p in (involvement.professional, involvement.role) if p)
