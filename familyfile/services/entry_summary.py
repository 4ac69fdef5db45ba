"""One short line saying what an entry is, for the share preview and the sharing log
("Weight 7.9 kg, 3 March 2026"). Never raises: an odd entry falls back to its kind's name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from familyfile.domain import milestones as milestone_rules
from familyfile.domain import reviews
from familyfile.domain.entry import Entry
from familyfile.domain.involvement import agency_name
from familyfile.domain.journal import area_name
from familyfile.i18n import _
from familyfile.services.immunisation_words import day_text, dose_text

LINE_MAX = 90


def kind_name(kind: str) -> str:
    names = {
        "about_me": _("About me"), "alert": _("Alert"), "address": _("Address"),
        "carer": _("Parent or carer"), "birth": _("Birth details"), "growth": _("Measurement"),
        "immunisation": _("Vaccination"), "hcp_contact": _("Health visitor contact"),
        "integrated_review": _("2-year review"), "screening_check": _("Hearing or eye check"),
        "journal": _("Journal"), "milestone": _("Milestone"),
        "involvement": _("Service helping"), "appointment": _("Appointment"),
    }
    return names.get(kind, kind.replace("_", " ").capitalize())


def _short(text: str) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= LINE_MAX else line[:LINE_MAX - 1].rstrip() + "…"


def _day(value: Any) -> str:
    try:
        return day_text(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return ""


def _join(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _about(d: dict[str, Any]) -> str:
    name = " ".join(p for p in (d.get("given_name", ""), d.get("family_name", "")) if p)
    return _join(_("About me"), name, _day(d.get("date_of_birth", "")))


def _growth(d: dict[str, Any]) -> str:
    found = [(_("weight {v} kg"), d.get("weight_kg")), (_("length or height {v} cm"), d.get("height_cm")),
             (_("head {v} cm"), d.get("head_cm"))]
    values = [t.format(v=v) for t, v in found if isinstance(v, int | float)]
    return _join(_("Measurement"), *values)


def _contact(d: dict[str, Any]) -> str:
    names = {c.key: c.name for c in reviews.contact_definitions()}
    return _join(_(names.get(str(d.get("contact")), str(d.get("contact", "")))), _day(d.get("on")))


def _milestone(d: dict[str, Any]) -> str:
    try:
        text = milestone_rules.milestone_text(milestone_rules.load().milestone(str(d.get("milestone_id"))))
    except Exception:  # noqa: BLE001 — an old list may not have it
        text = str(d.get("milestone_id", ""))
    return _join(_("Milestone"), text, milestone_rules.answer_text(d.get("answer")))


def _line(kind: str, d: dict[str, Any]) -> str:
    simple: dict[str, Callable[[dict[str, Any]], str]] = {
        "about_me": _about,
        "alert": lambda d: _join(_("Alert"), d.get("what", "")),
        "address": lambda d: _join(_("Address"), d.get("town", ""), d.get("postcode", "")),
        "carer": lambda d: _join(_("Parent or carer"), d.get("name", ""), d.get("relationship", "")),
        "birth": lambda d: _("Birth details"),
        "growth": _growth,
        "immunisation": lambda d: _join(dose_text(str(d.get("vaccine", "")), d.get("dose")),
                                        _("declined") if d.get("declined") else ""),
        "hcp_contact": _contact,
        "integrated_review": lambda d: _join(_("2-year review"), _day(d.get("on"))),
        "screening_check": lambda d: {"vision": _("Eye check"), "hearing": _("Hearing check")}.get(
            str(d.get("check", "")), _("Hearing or eye check")),
        "journal": lambda d: _join(area_name(str(d.get("area", ""))),
                                   d.get("first_title", "") or d.get("text", "")),
        "milestone": _milestone,
        "involvement": lambda d: _join(agency_name(str(d.get("agency", ""))),
                                       d.get("organisation", "")),
        "appointment": lambda d: _join(_("Appointment"), d.get("place", "")),
    }
    make = simple.get(kind)
    return make(d) if make else kind_name(kind)


def summary(entry: Entry) -> str:
    try:
        text = _line(entry.kind, entry.data)
    except Exception:  # noqa: BLE001 — a summary must never stop a preview
        text = kind_name(entry.kind)
    when = _day(entry.occurred_on) if entry.occurred_on else ""
    if when and when not in text:
        text = _join(text, when)
    return _short(text or kind_name(entry.kind))
