"""``familyfile about show|set``, ``alert add``, ``carer add`` and ``child show`` (the whole
record of a child as JSON, see docs/child-record-json.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from familyfile import errors
from familyfile.commands import common
from familyfile.domain import alerts as alert_rules
from familyfile.domain import carers as carer_rules
from familyfile.domain import nhs_number
from familyfile.domain.about_me import AboutMe
from familyfile.domain.child import Child
from familyfile.i18n import _
from familyfile.services import about_me as about
from familyfile.services import child_record, family
from familyfile.services.session import FamilySession

EXIT_OK = common.EXIT_OK


def find_child(session: FamilySession, reference: str) -> Child:
    """An active child by id, id prefix or first name; an archived one by its full id."""
    try:
        return session.find_child(reference)
    except errors.NotFoundError:
        for child in family.archived_children(session):
            if child.id == reference:
                return child
        raise


# -- about ---------------------------------------------------------------------------------------
def _text_lines(record: AboutMe, alerts: list[about.Item[alert_rules.Alert]]) -> list[str]:
    def row(label: str, value: str) -> str:
        return f"{label}: {value}" if value else ""

    lines = [
        row(_("Name"), record.legal_name),
        row(_("Known as"), record.known_as),
        row(_("Date of birth"), record.date_of_birth.isoformat()),
        row(_("Sex (for growth charts)"), {"female": _("Female"), "male": _("Male")}.get(
            record.sex, "")),
        row(_("NHS number"), nhs_number.mask(record.nhs_number)),
        row(_("Languages at home"), ", ".join(record.languages)),
        row(_("How they communicate"), record.communication),
        row(_("What helps"), record.what_helps),
        row(_("Likes"), record.likes),
        row(_("Dislikes"), record.dislikes),
    ]
    for item in alerts:
        alert = item.value
        lines.append(_("Alert ({type}): {what}").format(type=alert_rules.type_label(alert.type),
                                                        what=alert.what)
                     + (f" — {alert.details}" if alert.details else ""))
    return [line for line in lines if line]


def cmd_about_show(args: argparse.Namespace) -> int:
    with common.open_session(args.path) as session:
        child = find_child(session, args.child)
        record, entry = about.get_about_me(session, child.id)
        alerts = about.alerts(session, child.id, active_only=True)
    if args.json:
        common.print_json({"child_id": child.id, "about_me": record.to_data(),
                           "version": entry.version if entry else 0,
                           "alerts": [i.value.to_data() | {"id": i.entry.id} for i in alerts]})
        return EXIT_OK
    print("\n".join(_text_lines(record, alerts)))
    return EXIT_OK


SET_OPTIONS = (("known_as", "--known-as"), ("sex", "--sex"), ("nhs_number", "--nhs-number"),
               ("languages", "--language"), ("likes", "--likes"), ("dislikes", "--dislikes"),
               ("communication", "--communication"), ("what_helps", "--what-helps"))


def cmd_about_set(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {key: getattr(args, key) for key, _flag in SET_OPTIONS
                               if getattr(args, key) is not None}
    if not changes:
        raise common.CliError(_("Nothing to change: give at least one option, such as "
                                "--known-as."))
    with common.open_session(args.path) as session:
        child = find_child(session, args.child)
        about.update_about_me(session, child.id, **changes)
    print(_("About me saved. The earlier version is kept in the history."))
    return EXIT_OK


# -- alerts and carers ----------------------------------------------------------------------------
def cmd_alert_add(args: argparse.Namespace) -> int:
    with common.open_session(args.path) as session:
        child = find_child(session, args.child)
        item = about.add_alert(session, child.id, {"type": args.type, "what": args.what,
                                                   "details": args.details or "",
                                                   "since": args.since or ""})
    if args.json:
        common.print_json({"id": item.entry.id, "child_id": child.id} | item.value.to_data())
    else:
        print(_("Alert added: {id}").format(id=item.entry.id))
    return EXIT_OK


def cmd_carer_add(args: argparse.Namespace) -> int:
    with common.open_session(args.path) as session:
        item = family.add_carer(session, {
            "name": args.name, "relationship": args.relationship, "phone": args.phone or "",
            "parental_responsibility": args.parental_responsibility,
            "co_holds_file": args.co_holds_file})
    if args.json:
        common.print_json({"id": item.entry.id} | item.value.to_data())
    else:
        print(_("Carer added: {id}").format(id=item.entry.id))
    return EXIT_OK


def cmd_child_show(args: argparse.Namespace) -> int:
    """The whole record of a child (JSON; see docs/child-record-json.md)."""
    with common.open_session(args.path) as session:
        child = find_child(session, args.child)
        record = child_record.whole_record(session, child.id,
                                           include_archived=args.include_archived)
    common.print_json(record)
    return EXIT_OK


def add_child_show(child_sub: argparse._SubParsersAction) -> None:
    """``child show`` (cli.py adds it to its ``child`` parser)."""
    show = child_sub.add_parser("show", help=_("the whole record of a child, as JSON"))
    show.add_argument("path", type=Path)
    show.add_argument("child", help=_("the child's id, or first name"))
    show.add_argument("--json", action="store_true", help=_("JSON (the only format for now)"))
    show.add_argument("--include-archived", action="store_true",
                      help=_("also list entries that were archived"))
    show.set_defaults(handler=cmd_child_show)


# -- parser ---------------------------------------------------------------------------------------
def _command(group: argparse._SubParsersAction, name: str, help_text: str,
             *, child: bool = True) -> argparse.ArgumentParser:
    parser = group.add_parser(name, help=help_text)
    parser.add_argument("path", type=Path)
    if child:
        parser.add_argument("child", help=_("the child's id, or first name"))
    return parser


def register(sub: argparse._SubParsersAction) -> None:
    about_parser = sub.add_parser("about", help=_("the About me page of a child"))
    about_sub = about_parser.add_subparsers(dest="about_command", required=True)
    show = _command(about_sub, "show", _("show About me"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_about_show)
    change = _command(about_sub, "set", _("change About me (the rest is kept)"))
    change.add_argument("--known-as", dest="known_as")
    change.add_argument("--sex", choices=("female", "male"),
                        help=_("used only to choose the right growth chart"))
    change.add_argument("--nhs-number", dest="nhs_number")
    change.add_argument("--language", dest="languages", action="append", metavar="L",
                        help=_("a language spoken at home (repeat for more)"))
    for key, flag in SET_OPTIONS[4:]:
        change.add_argument(flag, dest=key, metavar="TEXT")
    change.set_defaults(handler=cmd_about_set)

    alert_parser = sub.add_parser("alert", help=_("critical alerts of a child"))
    alert_sub = alert_parser.add_subparsers(dest="alert_command", required=True)
    add_alert = _command(alert_sub, "add", _("add a critical alert"))
    add_alert.add_argument("--type", required=True, choices=alert_rules.TYPES)
    add_alert.add_argument("--what", required=True)
    add_alert.add_argument("--details", help=_("for example the reaction, or the dose"))
    add_alert.add_argument("--since", metavar="YYYY-MM-DD")
    add_alert.add_argument("--json", action="store_true")
    add_alert.set_defaults(handler=cmd_alert_add)

    carer_parser = sub.add_parser("carer", help=_("the people who look after the children"))
    carer_sub = carer_parser.add_subparsers(dest="carer_command", required=True)
    add_carer = _command(carer_sub, "add", _("add a carer"), child=False)
    add_carer.add_argument("--name", required=True)
    add_carer.add_argument("--relationship", required=True)
    add_carer.add_argument("--phone")
    add_carer.add_argument("--parental-responsibility", dest="parental_responsibility",
                           choices=carer_rules.PARENTAL_RESPONSIBILITY, default="unsure")
    add_carer.add_argument("--co-holds-file", dest="co_holds_file", action="store_true",
                           help=_("this person also keeps the family file"))
    add_carer.add_argument("--json", action="store_true")
    add_carer.set_defaults(handler=cmd_carer_add)
