"""``familyfile consent set|withdraw|review|show|history`` and ``familyfile team add|list``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from familyfile.commands.common import EXIT_OK, CliError, open_session, print_json
from familyfile.domain import categories as cats
from familyfile.domain.child import parse_date
from familyfile.domain.consent import HOWS, PURPOSES, ConsentEvent, Purpose, Recipient, purpose
from familyfile.i18n import _
from familyfile.services import consent
from familyfile.services.consent import ConsentMatrix


# -- shared with commands/sharing.py ---------------------------------------------------------
def add_recipient_args(parser: argparse.ArgumentParser, *, team: bool) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--agency", metavar="ID", help=_("the agency id (from consent show)"))
    group.add_argument("--professional", metavar="NAME", help=_("a named professional"))
    if team:
        group.add_argument("--team", metavar="ID", help=_("a team id (from team list)"))


def recipient_from(args: argparse.Namespace, session: Any, child_id: str) -> Recipient:
    if args.agency:
        return consent.agency(session, child_id, args.agency)
    if getattr(args, "team", None):
        return consent.resolve(session, child_id, Recipient("team", args.team))
    return consent.professional(args.professional)


def add_purpose_args(parser: argparse.ArgumentParser, *, many: bool) -> None:
    parser.add_argument("--purpose", choices=PURPOSES, action="append" if many else "store",
                        required=not many, help=_("why it is shared"))
    parser.add_argument("--purpose-text", metavar="WORDS", default="",
                        help=_("the reason in words, with --purpose other"))


def purposes_from(args: argparse.Namespace) -> tuple[Purpose, ...]:
    keys = args.purpose if isinstance(args.purpose, list) else [args.purpose]
    keys = [k for k in keys if k] or ["care"]
    return tuple(purpose(k, args.purpose_text if k == "other" else "") for k in keys)


def recipient_json(who: Recipient) -> dict[str, str]:
    return who.to_data()


def _day(field: str, value: str | None) -> date | None:
    return parse_date(field, value) if value else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def event_json(event: ConsentEvent) -> dict[str, Any]:
    return {"id": event.id, "seq": event.seq, "at_utc": event.at_utc, "action": event.action,
            "derived": event.derived, "recipient": recipient_json(event.recipient),
            "category": event.category, "decision": event.decision,
            "purposes": [p.to_data() for p in event.purposes],
            "start_on": event.start_on.isoformat(), "until": _iso(event.until),
            "review_on": _iso(event.review_on), "how": event.how,
            "recorded_by": {"kind": event.recorded_by.kind, "name": event.recorded_by.name},
            "explanation": event.explanation}


def matrix_json(found: ConsentMatrix) -> dict[str, Any]:
    rows = [{"recipient": recipient_json(r.recipient), "current": r.current, "teams": list(r.teams),
             "cells": {c.category: {
                 "status": c.status, "effective": c.effective, "from_team": c.from_team,
                 "purposes": [p.to_data() for p in c.purposes], "start_on": _iso(c.start_on),
                 "until": _iso(c.until), "review_on": _iso(c.review_on),
                 "review_due": c.review_due, "last_event_id": c.last_event_id}
                 for c in r.cells}} for r in found.rows]
    return {"child_id": found.child_id, "categories": list(found.categories), "rows": rows,
            "reviews_due": found.reviews_due, "notice": found.notice}


# -- consent ----------------------------------------------------------------------------------
def _changed(args: argparse.Namespace, event: ConsentEvent) -> None:
    if args.json:
        print_json(event_json(event))
    else:
        print(_("Consent {action}: {who}, {category}.").format(
            action=event.action, who=event.recipient.name or event.recipient.id,
            category=cats.category_name(event.category)))


def cmd_set(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        event = consent.set_consent(
            session, child.id, recipient_from(args, session, child.id), args.category,
            "permit" if args.permit else "deny", purposes=purposes_from(args),
            start_on=_day("start_date", args.start), until=_day("until", args.until),
            review_on=_day("review_on", args.review), how=args.how)
        _changed(args, event)
    return EXIT_OK


def cmd_withdraw(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        _changed(args, consent.withdraw(session, child.id, recipient_from(args, session, child.id),
                                        args.category, how=args.how))
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        _changed(args, consent.review(session, child.id, recipient_from(args, session, child.id),
                                      args.category, next_review=_day("review_on", args.next_review),
                                      how=args.how))
    return EXIT_OK


def _cell_text(status: str, effective: str, from_team: bool, due: bool) -> str:
    words = {"permit": _("yes"), "deny": _("no"), "withdrawn": _("taken back"),
             "expired": _("ended"), "not_started": _("starts later"), "none": "-"}
    text = words.get(status, status)
    if status == "none" and from_team:
        text = _("{status} (team)").format(status=words.get(effective, effective))
    return text + (" " + _("(review due)") if due else "")


def cmd_show(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        found = consent.matrix(session, child.id)
    if args.json:
        print_json(matrix_json(found))
        return EXIT_OK
    print("\t".join([_("Who"), *(cats.category_name(k) for k in found.categories)]))
    for row in found.rows:
        name = f"{row.recipient.name or row.recipient.id} [{row.recipient.id}]"
        print("\t".join([name, *(_cell_text(c.status, c.effective, c.from_team, c.review_due)
                                 for c in row.cells)]))
    print(found.notice)
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        found = consent.history(session, child.id)
    if args.json:
        print_json([event_json(e) for e in found])
        return EXIT_OK
    if not found:
        print(_("No consent recorded yet."))
    for event in found:
        who = event.recorded_by.name or event.recorded_by.kind
        print("\t".join([event.at_utc, event.action, event.recipient.name or event.recipient.id,
                         cats.category_name(event.category), event.decision or "", event.how, who]))
    return EXIT_OK


# -- teams ------------------------------------------------------------------------------------
def cmd_team_add(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        members = [consent.agency_anywhere(session, a).id for a in args.agency or []]
        members += [consent.professional(p).id for p in args.professional or []]
        if not members:
            raise CliError(_("Name at least one member with --agency ID or --professional NAME."))
        team = consent.add_team(session, args.name, members)
    if args.json:
        print_json({"id": team.id, "name": team.name, "members": list(team.members)})
    else:
        print(_("Team added: {id}").format(id=team.id))
    return EXIT_OK


def cmd_team_list(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        found = consent.teams(session)
    if args.json:
        print_json([{"id": t.id, "name": t.name, "members": list(t.members)} for t in found])
        return EXIT_OK
    if not found:
        print(_("No teams yet."))
    for team in found:
        print("\t".join([team.id, team.name, ", ".join(team.members)]))
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------
def _base(sub: Any, name: str, help_text: str, handler: Any, *, child: bool = True) -> Any:
    parser = sub.add_parser(name, help=help_text)
    parser.add_argument("path", type=Path)
    if child:
        parser.add_argument("child", help=_("the child's id or first name"))
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=handler)
    return parser


def _change_args(parser: argparse.ArgumentParser) -> None:
    add_recipient_args(parser, team=True)
    parser.add_argument("--category", required=True, choices=cats.CONSENT_CATEGORIES)
    parser.add_argument("--how", choices=HOWS, default="app",
                        help=_("how the family said it: written, verbal or in the app"))


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("consent", help=_("who may see what, agency by agency"))
    con = top.add_subparsers(dest="consent_command", required=True)
    setter = _base(con, "set", _("say yes or no for one kind of information"), cmd_set)
    _change_args(setter)
    choice = setter.add_mutually_exclusive_group(required=True)
    choice.add_argument("--permit", action="store_true")
    choice.add_argument("--deny", action="store_true")
    add_purpose_args(setter, many=True)
    setter.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    setter.add_argument("--until", metavar="YYYY-MM-DD")
    setter.add_argument("--review", metavar="YYYY-MM-DD")
    _change_args(_base(con, "withdraw", _("take back a yes or no"), cmd_withdraw))
    reviewer = _base(con, "review", _("say you looked at a choice and keep it"), cmd_review)
    _change_args(reviewer)
    reviewer.add_argument("--next-review", metavar="YYYY-MM-DD")
    _base(con, "show", _("the consent matrix: who may see what"), cmd_show)
    _base(con, "history", _("every consent change, oldest first"), cmd_history)

    team = sub.add_parser("team", help=_("the team you registered with"))
    team_sub = team.add_subparsers(dest="team_command", required=True)
    adder = _base(team_sub, "add", _("add a team and its members"), cmd_team_add, child=False)
    adder.add_argument("--name", required=True)
    adder.add_argument("--agency", action="append", metavar="ID")
    adder.add_argument("--professional", action="append", metavar="NAME")
    _base(team_sub, "list", _("list the teams"), cmd_team_list, child=False)
