"""The words people read about immunisations, shared by the window and the command line.

Status is always said in words ("Due now", "Overdue: it was due on 3 March"); colour is only
ever added to them.
"""

from __future__ import annotations

from datetime import date

from familyfile.domain import immunisations as rules
from familyfile.domain.immunisation_schedule import load
from familyfile.domain.immunisations import DoseRecord, DoseStatus
from familyfile.i18n import _


def _months() -> list[str]:
    return [_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"),
            _("August"), _("September"), _("October"), _("November"), _("December")]


def day_text(day: date, today: date | None = None) -> str:
    """"3 March 2026"; "3 March" when it is this year."""
    text = f"{day.day} {_months()[day.month - 1]}"
    return text if today is not None and day.year == today.year else f"{text} {day.year}"


def appointment_label(key: str) -> str:
    return {"8w": _("8 weeks"), "12w": _("12 weeks"), "16w": _("16 weeks"),
            "1y": _("1 year"), "18m": _("18 months"), "3y4m": _("3 years 4 months")}.get(key, key)


def appointment_words(key: str) -> str:
    """For a sentence: "the 12-week vaccinations"."""
    return {"8w": _("the 8-week vaccinations"), "12w": _("the 12-week vaccinations"),
            "16w": _("the 16-week vaccinations"), "1y": _("the 1-year vaccinations"),
            "18m": _("the 18-month vaccinations"),
            "3y4m": _("the pre-school vaccinations (3 years 4 months)")}.get(key, key)


def vaccine_name(key: str, record: DoseRecord | None = None) -> str:
    if key == rules.OTHER:
        return record.vaccine_name if record is not None and record.vaccine_name else _("Other vaccine")
    found = load().vaccines.get(key)
    return _(found.name) if found else key


def dose_text(key: str, dose: int | None, record: DoseRecord | None = None) -> str:
    name = vaccine_name(key, record)
    found = load().vaccines.get(key)
    if not dose or (found is not None and found.single_dose and dose == 1):
        return name
    return _("{name}, dose {n}").format(name=name, n=dose)


def site_labels() -> dict[str, str]:
    return {"left_thigh": _("Left thigh"), "right_thigh": _("Right thigh"),
            "left_arm": _("Left arm"), "right_arm": _("Right arm"), "oral": _("By mouth"),
            "nose": _("Nose"), "other": _("Somewhere else")}


def route_labels() -> dict[str, str]:
    return {"intramuscular": _("Injection into the muscle"),
            "subcutaneous": _("Injection under the skin"),
            "intradermal": _("Injection into the skin"), "oral": _("By mouth"),
            "intranasal": _("Nasal spray"), "other": _("Another way")}


def state_word(state: str) -> str:
    return {rules.GIVEN: _("Given"), rules.DECLINED: _("Declined"), rules.NOT_NEEDED: _("Not needed"),
            rules.UPCOMING: _("Not due yet"), rules.DUE: _("Due now"), rules.OVERDUE: _("Overdue"),
            rules.TOO_LATE: _("No longer given")}[state]


def given_text(record: DoseRecord, today: date | None = None) -> str:
    if record.declined:
        return _("Declined on {date}").format(date=day_text(record.on, today))
    text = _("Given on {date}").format(date=day_text(record.on, today))
    if record.abroad:
        text += " " + _("abroad or elsewhere ({country})").format(country=record.country)
    return text


def status_text(row: DoseStatus, today: date) -> str:
    """One sentence that says the status without colour."""
    due = day_text(row.planned.due, today)
    if row.state in (rules.GIVEN, rules.DECLINED) and row.record is not None:
        return given_text(row.record, today)
    if row.state == rules.NOT_NEEDED:
        return _("Not needed: {dose} was given").format(
            dose=dose_text(row.record.vaccine, row.record.dose) if row.record else "")
    if row.state == rules.TOO_LATE:
        return _("No longer given at this age. Ask your GP practice.")
    if row.state == rules.UPCOMING:
        return _("Due on {date}").format(date=due)
    if row.state == rules.DUE:
        return _("Due now (since {date})").format(date=due)
    return _("Overdue: it was due on {date}").format(date=due)


def details_text(record: DoseRecord) -> str:
    """Product, batch, site, who and where, as one short line."""
    parts = [record.product, _("batch {batch}").format(batch=record.batch) if record.batch else "",
             site_labels().get(record.site, ""), record.given_by, record.place]
    return " · ".join(p for p in parts if p)


def next_due_text(state: str, appointment: str, due: date, doses: list[str], today: date) -> str:
    """"The 12-week vaccinations were due on 3 March: 6-in-1, dose 2 and MenB, dose 2."

    The state itself ("Overdue") is said by the heading above this sentence.
    """
    names = ", ".join(doses[:-1]) + (_(" and ") if len(doses) > 1 else "") + doses[-1] if doses else ""
    words = appointment_words(appointment)
    when = day_text(due, today)
    if state == rules.UPCOMING:
        text = _("{what} are due on {date}").format(what=words, date=when)
    elif state == rules.DUE:
        text = _("{what} have been due since {date}").format(what=words, date=when)
    else:
        text = _("{what} were due on {date}").format(what=words, date=when)
    text = text[:1].upper() + text[1:]
    return f"{text}: {names}." if names else f"{text}."


def source_text() -> str:
    """Which schedule, which edition, from where, and when it was written into Family File."""
    data = load()
    edition = data.latest_edition
    names = _(" and ").join(s.name for s in data.sources[:2])
    return _("Based on the {title}, edition in force from {date}. Sources: {sources}. Written into "
             "Family File on {encoded} (schedule data version {version}). It is a guide: your GP "
             "practice decides what your child needs.").format(
        title=_(data.title), date=day_text(edition.in_force_from), sources=names,
        encoded=day_text(date.fromisoformat(data.encoded_on)), version=data.version)
