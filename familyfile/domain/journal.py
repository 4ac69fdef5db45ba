"""The developmental journal: dated observations by EYFS area, "firsts", and who saw it.

An observation is what a parent (or a key worker beside them) noticed the child doing.
The author of the entry is stamped by the records service; ``observed_by`` is free text
for who actually saw it ("Grandma", "nursery"). No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile.domain import fields
from familyfile.domain.entry import Author
from familyfile.errors import ValidationError
from familyfile.i18n import _

KIND = "journal"
TEXT_MAX = 5000
TITLE_MAX = 120
OBSERVER_MAX = 100

#: The seven EYFS areas, the three prime areas first (Development Matters order).
AREAS: tuple[str, ...] = (
    "communication_language",
    "physical",
    "personal_social_emotional",
    "literacy",
    "mathematics",
    "understanding_world",
    "expressive_arts",
)
PRIME_AREAS: tuple[str, ...] = AREAS[:3]


def area_name(area: str) -> str:
    """The plain name of an area, for a parent to read."""
    names = {
        "communication_language": _("Talking and listening"),
        "physical": _("Moving and using their body"),
        "personal_social_emotional": _("Feelings, friends and looking after themselves"),
        "literacy": _("Books, stories and early writing"),
        "mathematics": _("Numbers, shapes and patterns"),
        "understanding_world": _("People, places and nature"),
        "expressive_arts": _("Making, music and pretend play"),
    }
    return names.get(area, area)


def area_official_name(area: str) -> str:
    """The EYFS name a nursery or health visitor uses."""
    names = {
        "communication_language": _("Communication and language"),
        "physical": _("Physical development"),
        "personal_social_emotional": _("Personal, social and emotional development"),
        "literacy": _("Literacy"),
        "mathematics": _("Mathematics"),
        "understanding_world": _("Understanding the world"),
        "expressive_arts": _("Expressive arts and design"),
    }
    return names.get(area, area)


def area_explanation(area: str) -> str:
    """One plain line saying what belongs in an area."""
    lines = {
        "communication_language": _(
            "Listening, sounds, words, and how your child tells you what they want."),
        "physical": _(
            "Rolling, sitting, walking, running, and using hands to hold, build and draw."),
        "personal_social_emotional": _(
            "Feelings, playing with others, and doing things for themselves like eating."),
        "literacy": _("Enjoying books and stories, knowing letters, and making marks."),
        "mathematics": _("Counting, sizes, shapes, and spotting patterns."),
        "understanding_world": _("Family, other people, places, animals, plants and how things work."),
        "expressive_arts": _("Drawing, painting, music, dancing, and pretend play."),
    }
    return lines.get(area, "")


def is_prime(area: str) -> bool:
    return area in PRIME_AREAS


_AREA_ALIASES = {
    "cl": "communication_language", "communication": "communication_language",
    "pd": "physical", "physical_development": "physical",
    "psed": "personal_social_emotional", "l": "literacy", "m": "mathematics", "maths": "mathematics",
    "utw": "understanding_world", "understanding_the_world": "understanding_world",
    "ead": "expressive_arts", "expressive_arts_and_design": "expressive_arts",
}


def parse_area(text: str) -> str | None:
    """An area key from a key, a short name (``cl``, ``psed``, ``maths``) or an EYFS name."""
    key = "_".join(text.strip().casefold().replace("-", " ").replace(",", " ").split())
    key = key.replace("_and_", "_") if key not in _AREA_ALIASES else key
    if key in AREAS:
        return key
    if key in _AREA_ALIASES:
        return _AREA_ALIASES[key]
    for area in AREAS:
        official = "_".join(area_official_name(area).casefold().replace(",", " ").split())
        if key in (official, official.replace("_and_", "_")):
            return area
    return None


def written_by(author: Author, reader: Author) -> str:
    """"Written by you" / "Written by Sam Patel, key worker" (who wrote it, for the reader)."""
    if author == reader:
        return _("Written by you")
    if author.kind == "parent":
        return _("Written by the family")
    if author.kind == "key_worker":
        return _("Written by {name}, key worker").format(name=author.name)
    return _("Written by {name}, professional").format(name=author.name)


@dataclass(frozen=True)
class ObservationDraft:
    """What a person typed, before it is checked."""

    observed_on: str
    area: str
    text: str
    first_title: str = ""
    is_first: bool = False
    observed_by: str = ""


@dataclass(frozen=True)
class Observation:
    observed_on: date
    area: str
    text: str
    is_first: bool = False
    first_title: str = ""
    observed_by: str = ""

    def to_data(self) -> dict[str, Any]:
        return {"area": self.area, "text": self.text, "is_first": self.is_first,
                "first_title": self.first_title, "observed_by": self.observed_by}

    @classmethod
    def from_data(cls, data: dict[str, Any], occurred_on: str | None) -> Observation:
        when = date.fromisoformat(occurred_on[:10]) if occurred_on else date.min
        return cls(when, str(data.get("area", "")), str(data.get("text", "")),
                   bool(data.get("is_first", False)), str(data.get("first_title", "")),
                   str(data.get("observed_by", "")))

    def draft(self) -> ObservationDraft:
        return ObservationDraft(self.observed_on.isoformat(), self.area, self.text,
                                self.first_title, self.is_first, self.observed_by)

    def search_text(self) -> str:
        """What full-text search looks in: the first's title, the words, the area names."""
        parts = [self.first_title, self.text, area_name(self.area), area_official_name(self.area)]
        if self.observed_by:
            parts.append(self.observed_by)
        return "\n".join(p for p in parts if p)


def _clean_line(field: str, value: str, limit: int) -> str:
    text = " ".join(value.split())
    if len(text) > limit:
        raise ValidationError(field, "too-long", max=limit)
    return text


def _clean_text(value: str) -> str:
    lines = [line.rstrip() for line in value.strip().splitlines()]
    text = "\n".join(lines)
    if len(text) > TEXT_MAX:
        raise ValidationError("observation_text", "too-long", max=TEXT_MAX)
    return text


def _check_date(value: str, today: date, born: date | None) -> date:
    return fields.past_day("observed_on", fields.iso_date("observed_on", value), today, born)


def validate(draft: ObservationDraft, today: date, born: date | None = None) -> list[ValidationError]:
    """Every problem with the draft, in the order the form shows the fields."""
    problems = fields.Problems()
    problems.check(lambda: _check_date(draft.observed_on, today, born), None)
    if draft.area not in AREAS:
        problems.found.append(ValidationError("area", "bad-choice"))
    problems.check(lambda: _clean_text(draft.text), None)
    title = " ".join(draft.first_title.split())
    if draft.is_first and not title:
        problems.found.append(ValidationError("first_title", "required"))
    problems.check(lambda: _clean_line("first_title", draft.first_title, TITLE_MAX), None)
    if not draft.text.strip() and not (draft.is_first and title):
        problems.found.append(ValidationError("observation_text", "required"))
    problems.check(lambda: _clean_line("observed_by", draft.observed_by, OBSERVER_MAX), None)
    return problems.found


def build(draft: ObservationDraft, today: date, born: date | None = None) -> Observation:
    fields.raise_first(validate(draft, today, born))
    title = _clean_line("first_title", draft.first_title, TITLE_MAX) if draft.is_first else ""
    return Observation(date.fromisoformat(draft.observed_on.strip()), draft.area,
                       _clean_text(draft.text), draft.is_first, title,
                       _clean_line("observed_by", draft.observed_by, OBSERVER_MAX))

