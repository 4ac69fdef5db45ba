"""A child in the family file (the minimal record; the full record builds on it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from familyfile.domain import fields
from familyfile.domain.ids import ChildId
from familyfile.errors import ValidationError

NAME_MAX = 100
OLDEST_YEARS = 25
parse_date = fields.iso_date  # the name the consent commands read it by


@dataclass(frozen=True)
class ChildDraft:
    """What a person typed, before it is checked."""

    given_name: str
    family_name: str
    date_of_birth: str


@dataclass(frozen=True)
class Child:
    id: ChildId
    given_name: str
    family_name: str
    date_of_birth: date

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


def clean_name(field: str, value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise ValidationError(field, "required")
    if len(text) > NAME_MAX:
        raise ValidationError(field, "too-long", max=NAME_MAX)
    return text


def check_date_of_birth(value: str, today: date) -> date:
    born = fields.past_day("date_of_birth", fields.iso_date("date_of_birth", value), today)
    if born.year < today.year - OLDEST_YEARS:
        raise ValidationError("date_of_birth", "date-too-old")
    return born


def validate(draft: ChildDraft, today: date) -> list[ValidationError]:
    """Every problem with the draft, in field order (for an error summary)."""
    return fields.every_problem((
        lambda: clean_name("given_name", draft.given_name),
        lambda: clean_name("family_name", draft.family_name),
        lambda: check_date_of_birth(draft.date_of_birth, today),
    ))


def build(child_id: ChildId, draft: ChildDraft, today: date) -> Child:
    fields.raise_first(validate(draft, today))
    return Child(
        child_id,
        clean_name("given_name", draft.given_name),
        clean_name("family_name", draft.family_name),
        check_date_of_birth(draft.date_of_birth, today),
    )


def age_text(born: date, today: date) -> str:
    """A short age a parent reads at a glance ("3 weeks", "7 months", "2 years 5 months")."""
    from familyfile.i18n import _, ngettext

    days = (today - born).days
    if days < 0:
        return _("not born yet")
    if days < 14:
        return ngettext("{n} day", "{n} days", days).format(n=days)
    months = (today.year - born.year) * 12 + today.month - born.month - (today.day < born.day)
    if months < 2:
        weeks = days // 7
        return ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
    if months < 24:
        return ngettext("{n} month", "{n} months", months).format(n=months)
    years, rest = divmod(months, 12)
    text = ngettext("{n} year", "{n} years", years).format(n=years)
    if rest:
        text += " " + ngettext("{n} month", "{n} months", rest).format(n=rest)
    return text
