"""``familyfile birth …`` and ``familyfile review …``."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from familyfile.commands.common import EXIT_OK, open_session, print_json
from familyfile.domain import birth as birth_rules
from familyfile.domain import reviews as review_rules
from familyfile.i18n import _
from familyfile.services import birth, reviews


def cmd_birth_set(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        child = opened.find_child(args.child)
        record, _entry = birth.current(opened, child.id)
        changes = {k: v for k, v in {
            "gestation_weeks": args.gestation_weeks, "gestation_days": args.gestation_days,
            "birth_weight_kg": args.weight_kg, "birth_head_cm": args.head_cm,
            "place": args.place, "birth_type": args.type,
            "hearing_left": args.hearing_left, "hearing_right": args.hearing_right,
        }.items() if v is not None}
        saved = birth.save(opened, child.id, dataclasses.replace(record, **changes))
    if args.json:
        print_json({"id": saved.id, "version": saved.version, "data": saved.data})
    else:
        print(_("Birth details saved."))
    return EXIT_OK


def cmd_birth_show(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        record, _entry = birth.current(opened, opened.find_child(args.child).id)
    print_json(record.to_data())
    return EXIT_OK


def cmd_review_add(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        child = opened.find_child(args.child)
        record = review_rules.Contact(args.contact, args.status, args.date, args.who or "",
                                      args.role or "", args.where or "", args.notes or "")
        saved = reviews.record_contact(opened, child.id, record)
    if args.json:
        print_json({"id": saved.id, "data": saved.data})
    else:
        print(_("Review recorded."))
    return EXIT_OK


def cmd_review_list(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        statuses = reviews.contact_statuses(opened, opened.find_child(args.child).id)
    rows = [{"contact": s.definition.key, "name": s.definition.name, "state": s.state,
             "due_from": s.due_from.isoformat(), "due_until": s.due_until.isoformat(),
             "on": s.record.on if s.record else None} for s in statuses]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['name']}\t{row['state']}\t{row['on'] or row['due_from']}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    birth_cmd = sub.add_parser("birth", help=_("birth and newborn details"))
    birth_sub = birth_cmd.add_subparsers(dest="birth_command", required=True)
    set_cmd = birth_sub.add_parser("set", help=_("set birth details"))
    set_cmd.add_argument("path", type=Path)
    set_cmd.add_argument("child")
    set_cmd.add_argument("--gestation-weeks", type=int)
    set_cmd.add_argument("--gestation-days", type=int)
    set_cmd.add_argument("--weight-kg", type=float)
    set_cmd.add_argument("--head-cm", type=float)
    set_cmd.add_argument("--place", choices=birth_rules.PLACES)
    set_cmd.add_argument("--type", choices=birth_rules.BIRTH_TYPES)
    set_cmd.add_argument("--hearing-left", choices=birth_rules.HEARING_OUTCOMES)
    set_cmd.add_argument("--hearing-right", choices=birth_rules.HEARING_OUTCOMES)
    set_cmd.add_argument("--json", action="store_true")
    set_cmd.set_defaults(handler=cmd_birth_set)
    show = birth_sub.add_parser("show", help=_("show birth details"))
    show.add_argument("path", type=Path)
    show.add_argument("child")
    show.set_defaults(handler=cmd_birth_show)

    review = sub.add_parser("review", help=_("health visitor reviews"))
    review_sub = review.add_subparsers(dest="review_command", required=True)
    add = review_sub.add_parser("add", help=_("record a review"))
    add.add_argument("path", type=Path)
    add.add_argument("child")
    add.add_argument("--contact", required=True,
                     choices=[c.key for c in review_rules.contact_definitions()])
    add.add_argument("--status", default="done", choices=review_rules.CONTACT_STATUSES)
    add.add_argument("--date", required=True)
    add.add_argument("--who")
    add.add_argument("--role")
    add.add_argument("--where")
    add.add_argument("--notes")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_review_add)
    listing = review_sub.add_parser("list", help=_("reviews: done, due and missed"))
    listing.add_argument("path", type=Path)
    listing.add_argument("child")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_review_list)
