"""``familyfile involvement add|list`` and ``familyfile appointment add|list``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from familyfile import errors
from familyfile.commands.common import EXIT_OK, open_session, print_json
from familyfile.domain.appointments import AppointmentDraft, status_text
from familyfile.domain.appointments import local_text as appointment_local_text
from familyfile.domain.involvement import AGENCY_KEYS, InvolvementDraft, agency_name, who_text
from familyfile.i18n import _
from familyfile.services import appointments, involvement
from familyfile.services.appointments import AppointmentRecord
from familyfile.services.involvement import InvolvementRecord


def _author(record: Any) -> dict[str, str]:
    return {"kind": record.entry.author.kind, "name": record.entry.author.name}


def involvement_json(record: InvolvementRecord, today: Any) -> dict[str, Any]:
    return {"id": record.id, "version": record.entry.version, **record.involvement.to_data(),
            "agency_name": agency_name(record.involvement.agency),
            "current": record.is_current(today), "author": _author(record)}


def appointment_json(session: Any, record: AppointmentRecord) -> dict[str, Any]:
    found = record.appointment
    return {"id": record.id, "version": record.entry.version, **found.to_data(),
            "when_local": appointment_local_text(found.when_utc, found.tz),
            "with_whom": appointments.with_whom(session, found), "author": _author(record)}


# -- involvement ------------------------------------------------------------------------------
def cmd_involvement_add(args: argparse.Namespace) -> int:
    draft = InvolvementDraft(
        agency=args.agency, organisation=args.organisation, start_date=args.start,
        ods_code=args.ods or "", team=args.team or "", professional=args.professional or "",
        role=args.role or "", contact=args.contact or "", end_date=args.end or "",
        reason=args.reason or "", lead=args.lead, team_around_child=args.team_around_child)
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        added = involvement.add(session, child.id, draft)
        if args.json:
            print_json(involvement_json(added, session.today()))
        else:
            print(_("Involvement added: {id}").format(id=added.id))
    return EXIT_OK


def cmd_involvement_list(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        today = session.today()
        found = involvement.current(session, child.id) + involvement.past(session, child.id)
        if args.json:
            print_json([involvement_json(r, today) for r in found])
            return EXIT_OK
        if not found:
            print(_("No involvements recorded yet."))
        for record in found:
            item = record.involvement
            marks = [_("now") if record.is_current(today) else _("ended {date}").format(
                date=item.end_date.isoformat() if item.end_date else "")]
            if item.lead:
                marks.append(_("lead professional"))
            if item.team_around_child:
                marks.append(_("team around the child"))
            if item.recorded_by_family:
                marks.append(_("recorded by the family"))
            print("\t".join([record.id, agency_name(item.agency), item.organisation,
                             who_text(item), _("from {date}").format(date=item.start_date.isoformat()),
                             ", ".join(marks)]))
    return EXIT_OK


# -- appointments -----------------------------------------------------------------------------
def _with(session: Any, child_id: str, value: str | None) -> tuple[str, str]:
    """An involvement id (or prefix) of this child, else free words."""
    if not value:
        return "", ""
    try:
        return involvement.find(session, child_id, value).id, ""
    except errors.NotFoundError:
        return "", value


def cmd_appointment_add(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        linked, words = _with(session, child.id, args.with_whom)
        draft = AppointmentDraft(when=args.when, place=args.place, with_involvement=linked,
                                 with_text=words, accompanied_by=args.went_with or "",
                                 reason=args.reason or "")
        added = appointments.add(session, child.id, draft)
        if args.json:
            print_json(appointment_json(session, added))
        else:
            print(_("Appointment added: {id}").format(id=added.id))
    return EXIT_OK


def cmd_appointment_list(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        coming, past = appointments.coming_and_past(session, child.id)
        now = session.clock.now()
        if args.json:
            print_json([appointment_json(session, r) for r in coming + past])
            return EXIT_OK
        if not coming and not past:
            print(_("No appointments recorded yet."))
        for record in coming + past:
            found = record.appointment
            print("\t".join([record.id, appointment_local_text(found.when_utc, found.tz),
                             found.place, appointments.with_whom(session, found),
                             status_text(found, now)]))
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------
def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path)
    parser.add_argument("child", help=_("the child's id or first name"))


def register(sub: argparse._SubParsersAction) -> None:
    inv = sub.add_parser("involvement", help=_("services and people who help the child"))
    inv_sub = inv.add_subparsers(dest="involvement_command", required=True)
    add = inv_sub.add_parser("add", help=_("record a service that helps or helped the child"))
    _common(add)
    add.add_argument("--agency", required=True, metavar="KEY",
                     help=_("the kind of service, one of: {keys}").format(keys=", ".join(AGENCY_KEYS)))
    add.add_argument("--organisation", required=True)
    add.add_argument("--ods", metavar="CODE", help=_("the NHS organisation (ODS) code, if known"))
    add.add_argument("--team")
    add.add_argument("--professional", metavar="NAME")
    add.add_argument("--role")
    add.add_argument("--contact", help=_("a phone number or email address"))
    add.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--end", metavar="YYYY-MM-DD")
    add.add_argument("--reason")
    add.add_argument("--lead", action="store_true", help=_("this is the lead professional"))
    add.add_argument("--team-around-child", action="store_true",
                     help=_("part of the team around the child"))
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_involvement_add)
    listing = inv_sub.add_parser("list", help=_("list the services, current ones first"))
    _common(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_involvement_list)

    appt = sub.add_parser("appointment", help=_("the child's appointments with every service"))
    appt_sub = appt.add_subparsers(dest="appointment_command", required=True)
    appt_add = appt_sub.add_parser("add", help=_("add an appointment"))
    _common(appt_add)
    appt_add.add_argument("--when", required=True, metavar="'YYYY-MM-DD HH:MM'",
                          help=_("local time in the UK"))
    appt_add.add_argument("--place", required=True)
    appt_add.add_argument("--with", dest="with_whom", metavar="INVOLVEMENT_ID|TEXT")
    appt_add.add_argument("--went-with", metavar="WHO", help=_("who went with the child"))
    appt_add.add_argument("--reason")
    appt_add.add_argument("--json", action="store_true")
    appt_add.set_defaults(handler=cmd_appointment_add)
    appt_list = appt_sub.add_parser("list", help=_("list appointments, coming up first"))
    _common(appt_list)
    appt_list.add_argument("--json", action="store_true")
    appt_list.set_defaults(handler=cmd_appointment_list)
