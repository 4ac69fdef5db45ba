"""Growth measurements: add, change, list (each with its centiles, worked out on reading),
the latest centiles for the overview, and the data for a growth chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile.domain import growth as rules
from familyfile.domain import growth_centiles as centiles
from familyfile.domain.entry import Entry, HistoryItem
from familyfile.domain.growth import KIND, ChildBasis, GrowthDraft, GrowthMeasurement
from familyfile.domain.growth_centiles import Centile, GrowthResult
from familyfile.domain.growth_chart import CHART_METHODS, ChartData, build_chart
from familyfile.errors import NotFoundError, ValidationError
from familyfile.services import child_facts


@dataclass(frozen=True)
class GrowthRow:
    """One stored measurement with what is worked out from it."""

    entry: Entry
    measurement: GrowthMeasurement
    result: GrowthResult
    age_text: str
    corrected_age_text: str

    @property
    def edited(self) -> bool:
        return self.entry.version > 1

    def to_data(self) -> dict[str, Any]:
        """For ``--json`` output and exports: the stored values and the centiles."""
        return {
            "id": self.entry.id, **self.measurement.to_data(), "age": self.age_text,
            "corrected_age": self.corrected_age_text,
            "chronological_age_years": round(self.result.ages.chronological_years, 4),
            "corrected_age_years": round(self.result.ages.corrected_years, 4),
            "bmi": None if self.result.bmi is None else round(self.result.bmi, 1),
            "centiles": {method: centile_data(found) for method, found in self.result.centiles.items()},
            "reference": centiles.REFERENCE, "needs_sex": self.result.needs_sex,
            "edited": self.edited, "version": self.entry.version,
            "author": {"kind": self.entry.author.kind, "name": self.entry.author.name},
        }


def centile_data(found: Centile) -> dict[str, Any]:
    def rounded(value: float | None, places: int) -> float | None:
        return None if value is None else round(value, places)

    return {"value": found.value, "unit": found.unit, "centile": found.text,
            "sds": rounded(found.sds, 2),
            "corrected_sds": rounded(found.corrected_sds, 4),
            "corrected_centile": rounded(found.corrected_centile, 2),
            "chronological_sds": rounded(found.chronological_sds, 4),
            "chronological_centile": rounded(found.chronological_centile, 2),
            "problem": found.problem}


def basis(session: Any, child_id: str) -> ChildBasis:
    child = session.child(child_id)
    return ChildBasis(child.date_of_birth, child_facts.sex(session, child_id),
                      child_facts.gestation(session, child_id))


def check(session: Any, child_id: str, draft: GrowthDraft, *,
          confirmed: bool = False) -> list[ValidationError]:
    """Every problem with what was typed (for a form's error summary); [] when it can be saved."""
    return centiles.check(draft, basis(session, child_id), session.today(), confirmed=confirmed)[1]


def _checked(session: Any, child_id: str, draft: GrowthDraft, confirmed: bool) -> GrowthMeasurement:
    measurement, problems = centiles.check(draft, basis(session, child_id), session.today(),
                                           confirmed=confirmed)
    if problems:
        raise problems[0]
    assert measurement is not None
    return measurement


def add(session: Any, child_id: str, draft: GrowthDraft, *, confirmed: bool = False) -> GrowthRow:
    """Save a new measurement; raises the first ValidationError when something is wrong."""
    measurement = _checked(session, child_id, draft, confirmed)
    entry = session.records.add(child_id=child_id, kind=KIND, data=measurement.to_data(),
                                occurred_on=measurement.measured_on.isoformat())
    return row(session, entry)


def edit(session: Any, entry: Entry, draft: GrowthDraft, *, confirmed: bool = False) -> GrowthRow:
    """Change a measurement; the version seen is checked and every version is kept."""
    if entry.kind != KIND or entry.child_id is None:
        raise NotFoundError("growth entry")
    measurement = _checked(session, entry.child_id, draft, confirmed)
    changed = session.records.edit(entry, data=measurement.to_data(),
                                   occurred_on=measurement.measured_on.isoformat())
    return row(session, changed)


def remove(session: Any, entry: Entry) -> Entry:
    """Take a measurement off the record (archived: it stays in the history)."""
    archived: Entry = session.records.archive(entry)
    return archived


def get(session: Any, entry_id: str) -> GrowthRow:
    entry = session.records.get(entry_id)
    if entry.kind != KIND:
        raise NotFoundError("growth entry")
    return row(session, entry)


def history(session: Any, entry_id: str) -> list[HistoryItem]:
    found: list[HistoryItem] = session.records.history(entry_id)
    return found


def row(session: Any, entry: Entry, child_basis: ChildBasis | None = None) -> GrowthRow:
    from familyfile.domain.child import age_text

    about = child_basis or basis(session, entry.child_id or "")
    measurement = GrowthMeasurement.from_data(entry.data)
    on = measurement.measured_on
    return GrowthRow(entry, measurement, centiles.calculate(measurement, about),
                     age_text(about.born, on), rules.corrected_age_text(about, on))


def list_measurements(session: Any, child_id: str, *, newest_first: bool = True) -> list[GrowthRow]:
    about = basis(session, child_id)
    entries = session.records.list_for(child_id, KIND, newest_first=newest_first)
    return [row(session, entry, about) for entry in entries]


@dataclass(frozen=True)
class Latest:
    """The most recent value of one measurement, for the overview."""

    method: str
    measured_on: date
    value: float
    value_text: str  # "7.9 kg"
    centile: Centile

    @property
    def centile_text(self) -> str:
        return self.centile.text


def latest_centiles(session: Any, child_id: str) -> dict[str, Latest]:
    """For each of weight, length/height, head (and BMI from 2 years): its latest value and
    centile. A value whose centile needs the child's sex has ``centile.problem == "needs-sex"``."""
    latest: dict[str, Latest] = {}
    for found in list_measurements(session, child_id):
        for method, centile in found.result.centiles.items():
            if method not in latest:
                latest[method] = Latest(method, found.measurement.measured_on, centile.value,
                                        rules.format_value(method, centile.value), centile)
    return {m: latest[m] for m in CHART_METHODS if m in latest}


def chart_data(session: Any, child_id: str, measurement: str) -> ChartData:
    """Centile lines (one series per reference segment) and the child's points, as data."""
    if measurement not in CHART_METHODS:
        raise ValidationError("measurement", "bad-choice")
    about = basis(session, child_id)
    found = list_measurements(session, child_id, newest_first=False)
    return build_chart(measurement, about, [(r.entry.id, r.result) for r in found])


def preload() -> None:
    """Import the growth library ahead of time (about a second, with scipy), so the first
    overview or chart after unlocking does not wait for it."""
    import rcpchgrowth  # noqa: F401
