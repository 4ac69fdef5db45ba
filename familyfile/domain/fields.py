"""Small checks shared by the rules of every kind of record (a child, About me, alerts,
addresses, carers, growth, the journal, milestones, reviews, vaccinations, involvement and
appointments).

Each raises ``ValidationError(field, code, **params)``; :class:`Problems` and
``every_problem`` run several checks and keep every problem, in field order, for an error
summary; ``raise_first`` and ``built`` turn those lists back into the first problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from familyfile.errors import ValidationError

T = TypeVar("T")
D = TypeVar("D")

SHORT_MAX = 100
TEXT_MAX = 2000
LIST_MAX = 20
_PHONE = re.compile(r"^\+?[0-9 ()\-.]+$")
PHONE_MIN_DIGITS, PHONE_MAX_DIGITS = 6, 15


class Problems:
    """Collects what is wrong instead of stopping at the first problem."""

    def __init__(self) -> None:
        self.found: list[ValidationError] = []

    def check(self, rule: Callable[[], T], default: D) -> T | D:
        try:
            return rule()
        except ValidationError as exc:
            self.found.append(exc)
            return default

    def raise_first(self) -> None:
        raise_first(self.found)


def every_problem(checks: Iterable[Callable[[], object]]) -> list[ValidationError]:
    """Runs every check; returns every problem, in the order of the checks."""
    problems = Problems()
    for check in checks:
        problems.check(check, None)
    return problems.found


def raise_first(problems: Sequence[ValidationError]) -> None:
    if problems:
        raise problems[0]


def built(checked: tuple[T | None, Sequence[ValidationError]]) -> T:
    """What a check built, or else its first problem raised."""
    value, problems = checked
    if value is None:
        raise problems[0]
    return value


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def text(field: str, value: Any, *, required: bool = False, max_len: int = SHORT_MAX) -> str:
    """Spaces tidied at the ends (line breaks inside are kept for longer text)."""
    cleaned = as_text(value).strip()
    if max_len <= SHORT_MAX:
        cleaned = " ".join(cleaned.split())
    if required and not cleaned:
        raise ValidationError(field, "required")
    if len(cleaned) > max_len:
        raise ValidationError(field, "too-long", max=max_len)
    return cleaned


def text_list(field: str, value: Any, *, max_items: int = LIST_MAX,
              max_len: int = SHORT_MAX) -> tuple[str, ...]:
    """A list of short texts; a string is split at commas and new lines; blanks are dropped."""
    items: Iterable[Any]
    if isinstance(value, str):
        items = re.split(r"[,\n;]", value)
    elif value is None:
        items = ()
    else:
        items = value
    cleaned: list[str] = []
    for item in items:
        one = text(field, item, max_len=max_len)
        if one and one.casefold() not in (c.casefold() for c in cleaned):
            cleaned.append(one)
    if len(cleaned) > max_items:
        raise ValidationError(field, "too-many", max=max_items)
    return tuple(cleaned)


def iso_date(field: str, value: Any) -> date:
    """A date written "2024-03-27" (as the forms hand it on)."""
    try:
        return date.fromisoformat(as_text(value).strip())
    except ValueError:
        raise ValidationError(field, "date-format") from None


def past_day(field: str, when: date, today: date, born: date | None = None) -> date:
    """``when``, if it is not after today, nor (given ``born``) before the child was born."""
    if when > today:
        raise ValidationError(field, "date-in-future")
    if born is not None and when < born:
        raise ValidationError(field, "before-birth")
    return when


def optional_date(field: str, value: Any, today: date) -> date | None:
    if not as_text(value).strip():
        return None
    return past_day(field, iso_date(field, value), today)


def required_date(field: str, value: Any, today: date) -> date:
    when = optional_date(field, value, today)
    if when is None:
        raise ValidationError(field, "required")
    return when


def phone(field: str, value: Any) -> str:
    """A phone number as typed, checked only loosely (UK or abroad, spaces allowed)."""
    cleaned = text(field, value, max_len=30)
    if not cleaned:
        return ""
    digits = sum(ch.isdigit() for ch in cleaned)
    if not _PHONE.match(cleaned) or not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        raise ValidationError(field, "phone-format")
    return cleaned


def choice(field: str, value: Any, options: Iterable[str]) -> str:
    cleaned = as_text(value).strip().lower()
    if cleaned not in tuple(options):
        raise ValidationError(field, "bad-choice")
    return cleaned


def yes_no(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    cleaned = as_text(value).strip().lower()
    if cleaned in ("yes", "true", "1"):
        return True
    if cleaned in ("no", "false", "0", ""):
        return False
    raise ValidationError(field, "bad-choice")


def iso(when: date | None) -> str:
    return when.isoformat() if when else ""
