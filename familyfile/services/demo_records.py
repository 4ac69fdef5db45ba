"""How the sample family's records are written: dates worked out from today, growth values
from the UK-WHO reference, the doses that have fallen due, journal entries and milestone
answers — each through the same services as the app (``services.demo`` says who and what)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta

from familyfile.domain import immunisations as dose_rules
from familyfile.domain import milestones as milestone_rules
from familyfile.domain.age import Gestation, due_date
from familyfile.domain.entry import Author
from familyfile.domain.growth import ChildBasis, GrowthDraft, number_text
from familyfile.domain.growth_centiles import ages, quiet
from familyfile.domain.journal import ObservationDraft
from familyfile.services import growth, immunisations, journal, milestones
from familyfile.services.demo_pictures import PICTURES, photo
from familyfile.services.session import FamilySession


# -- dates --------------------------------------------------------------------------------------
def months_before(day: date, months: int) -> date:
    """The same day of the month ``months`` earlier (the 1st of the next month when it
    does not exist, as the schedule does)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    try:
        return date(year, month + 1, day.day)
    except ValueError:
        year, month = divmod(total + 1, 12)
        return date(year, month + 1, 1)


def iso(day: date) -> str:
    return day.isoformat()


def at(day: date, hour: int, minute: int = 0) -> str:
    return f"{day.isoformat()} {hour:02d}:{minute:02d}"


# -- growth -------------------------------------------------------------------------------------
def value_at(method: str, sds: float, basis: ChildBasis, on: date) -> float:
    from rcpchgrowth import measurement_from_sds

    with quiet():
        found = measurement_from_sds("uk-who", sds, method, basis.sex or "female",
                                     ages(basis, on).corrected_years)
    return float(found)


GrowthPoint = tuple[int, float, float | None, float | None, str, str]


def add_growth(session: FamilySession, child_id: str, basis: ChildBasis,
                points: Sequence[GrowthPoint], birth_values: tuple[float, float, float]) -> int:
    """Measurements at (days old, weight SDS, length SDS or None, head SDS or None, by,
    notes): the values are worked out from the UK-WHO reference at the corrected age and
    rounded as a clinic writes them; the first point is the birth, as measured."""
    today = session.today()
    added = 0
    for days, weight_sds, length_sds, head_sds, by, notes in points:
        on = basis.born + timedelta(days=days)
        if on > today:
            break
        weight: float | None
        length: float | None
        head: float | None
        if days == 0:
            weight, length, head = birth_values
        else:
            weight = round(value_at("weight", weight_sds, basis, on), 2)
            length = (None if length_sds is None
                      else round(value_at("height", length_sds, basis, on) * 2) / 2)
            head = None if head_sds is None else round(value_at("ofc", head_sds, basis, on), 1)
        growth.add(session, child_id, GrowthDraft(
            iso(on), weight_kg=number_text(weight), height_cm=number_text(length),
            head_cm=number_text(head), measured_by=by, notes=notes))
        added += 1
    return added


# -- immunisations ------------------------------------------------------------------------------
PRODUCTS = {"6in1": "Infanrix hexa", "menb": "Bexsero", "rotavirus": "Rotarix",
            "pcv": "Prevenar 13", "hib_menc": "Menitorix", "mmr": "M-M-RvaxPro",
            "mmrv": "ProQuad", "4in1": "Boostrix-IPV"}
SITES = {"6in1": "left_thigh", "menb": "left_thigh", "rotavirus": "oral", "pcv": "right_thigh",
         "hib_menc": "left_arm", "mmr": "right_arm", "mmrv": "right_arm", "4in1": "left_arm"}
ROUTES = {"rotavirus": "oral", "mmr": "subcutaneous", "mmrv": "subcutaneous"}


def give_due_doses(session: FamilySession, child_id: str, nurse: str, surgery: str,
                   days_late: int = 4) -> int:
    """Every planned dose that has fallen due, given a few days after its due date."""
    today = session.today()
    for given in range(60):  # a guard: each turn settles one planned dose
        rows = immunisations.status_table(session, child_id).rows
        # Too late *now* (rotavirus after 24 weeks) was in time when it was given.
        waiting = [r for r in rows
                   if r.state in (dose_rules.DUE, dose_rules.OVERDUE, dose_rules.TOO_LATE)]
        if not waiting:
            return given
        first = min(waiting, key=lambda r: (r.planned.due, r.planned.vaccine))
        on = min(first.planned.due + timedelta(days=days_late + given % 3), today)
        if first.planned.latest is not None:
            on = min(on, first.planned.latest)
        vaccine = first.planned.vaccine
        immunisations.add(session, child_id, dose_rules.DoseDraft(
            date=iso(on), vaccine=vaccine, dose=str(first.planned.dose),
            product=PRODUCTS.get(vaccine, ""), batch=f"SMPL{40 + given:02d}{vaccine[:2].upper()}",
            site=SITES.get(vaccine, ""), route=ROUTES.get(vaccine, "intramuscular"),
            given_by=nurse, place=surgery))
    raise RuntimeError("a planned dose was not settled by the record given for it")


def add_journal(session: FamilySession, child_id: str, born: date,
                items: Sequence[tuple[int, str, str, str, str, str]],
                key_worker_days: Collection[int] = (), key_worker: Author | None = None) -> int:
    """Journal entries at (days old, area, text, first, seen by, picture); those on
    ``key_worker_days`` are written as ``key_worker`` (beside the parent)."""
    today = session.today()
    photos = 0
    for days, area, text, first, seen_by, picture in items:
        on = born + timedelta(days=days)
        if on > today:
            continue
        prepared = [photo(PICTURES[picture])] if picture else []
        photos += len(prepared)
        writer = session.author
        if days in key_worker_days:
            session.use_as(key_worker or writer)
        try:
            journal.add(session, child_id, ObservationDraft(
                iso(on), area, text, first_title=first, is_first=bool(first),
                observed_by=seen_by), prepared)
        finally:
            session.use_as(writer)
    return photos


def answer_milestones(session: FamilySession, child_id: str, born: date,
                      gestation: Gestation, *, up_to_months: int, sometimes: Sequence[str] = (),
                       not_yet: Sequence[str] = (), also_yes: Sequence[str] = (),
                       late_areas: Sequence[str] = ()) -> None:
    """Yes (first seen around the age most children do it, later for ``late_areas``),
    except the ones named. Ages are corrected for a baby born early."""
    today = session.today()
    start = due_date(born, gestation) if gestation.preterm else born
    for item in milestone_rules.load().milestones:
        named = item.id in (*sometimes, *not_yet, *also_yes)
        if item.typically_by_months > up_to_months and not named:
            continue
        if item.id in not_yet:
            milestones.answer(session, child_id, item.id, milestone_rules.NOT_YET)
            continue
        months = item.typically_by_months - 1 + (4 if item.area in late_areas else 0)
        seen = min(max(start + timedelta(days=int(months * 30.4)), born), today)
        chosen = milestone_rules.SOMETIMES if item.id in sometimes else milestone_rules.YES
        milestones.answer(session, child_id, item.id, chosen, iso(seen))
