"""``familyfile milestone list|answer``: the milestone checklists from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from familyfile.commands.common import EXIT_OK, open_session, print_json
from familyfile.domain import milestones as rules
from familyfile.domain.journal import area_name
from familyfile.i18n import _
from familyfile.services import milestones
from familyfile.services.milestones import Checklist, MilestoneStatus


def _age_line(found: Checklist) -> str:
    age = found.age
    if age.corrected:
        return _("Age: {age} (corrected age {corrected}, born at {weeks} weeks).").format(
            age=rules.months_text(age.days), corrected=rules.months_text(age.corrected_days),
            weeks=found.gestation_weeks)
    return _("Age: {age}.").format(age=rules.months_text(age.days))


def status_json(item: MilestoneStatus) -> dict[str, Any]:
    seen = item.answer.first_seen if item.answer else None
    return {"id": item.milestone.id, "band": item.milestone.band, "area": item.milestone.area,
            "area_name": area_name(item.milestone.area), "text": rules.milestone_text(item.milestone),
            "typically_by_months": item.milestone.typically_by_months,
            "answer": item.answer_key, "first_seen": seen.isoformat() if seen else None,
            "worth_mentioning": item.worth_mentioning,
            "note": rules.prompt_text() if item.worth_mentioning else None}


def checklist_json(found: Checklist) -> dict[str, Any]:
    return {"age_days": found.age.days, "corrected_age_days": found.age.corrected_days,
            "corrected": found.age.corrected, "gestation_weeks": found.gestation_weeks,
            "band": {"id": found.band.id, "label": rules.band_label(found.band)},
            "list_version": found.milestones.version,
            "milestones": [status_json(s) for s in found.items]}


def _row(item: MilestoneStatus) -> str:
    seen = item.answer.first_seen if item.answer else None
    answer = rules.answer_text(item.answer_key)
    if seen:
        answer += " " + _("(since {date})").format(date=seen.isoformat())
    line = "\t".join([item.milestone.id, answer, rules.milestone_text(item.milestone)])
    if item.worth_mentioning:
        line += "\n\t" + rules.prompt_text()
    return line


def cmd_list(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        found = milestones.checklist(session, child.id)
    if args.json:
        print_json(checklist_json(found))
        return EXIT_OK
    print(_age_line(found))
    bands = found.bands_in_order() if args.all else [found.band]
    for band in bands:
        print()
        print(_("Milestones for {band}:").format(band=rules.band_label(band)))
        for item in found.in_band(band.id):
            print(_row(item))
    others = [s for s in found.to_mention() if s.milestone.band not in {b.id for b in bands}]
    if others:
        print()
        print(_("From earlier ages:"))
        for item in others:
            print(_row(item))
    return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        milestones.answer(session, child.id, args.milestone_id, args.answer, args.since)
        item = milestones.checklist(session, child.id).status(args.milestone_id)
    if args.json:
        print_json(status_json(item))
        return EXIT_OK
    print(_("Saved: {answer}.").format(answer=rules.answer_text(item.answer_key)))
    if item.worth_mentioning:
        print(rules.prompt_text())
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("milestone", help=_("milestone checklists: what your child does now"))
    top_sub = top.add_subparsers(dest="milestone_command", required=True)
    listing = top_sub.add_parser("list", help=_("the milestones for the child's age, with answers"))
    listing.add_argument("path", type=Path)
    listing.add_argument("child", help=_("the child's id or first name"))
    listing.add_argument("--all", action="store_true", help=_("every age band, not only the current one"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    answer = top_sub.add_parser("answer", help=_("answer one milestone"))
    answer.add_argument("path", type=Path)
    answer.add_argument("child", help=_("the child's id or first name"))
    answer.add_argument("milestone_id", metavar="MILESTONE_ID")
    answer.add_argument("--answer", required=True, choices=list(rules.ANSWERS))
    answer.add_argument("--since", metavar="YYYY-MM-DD", help=_("the date you first saw it"))
    answer.add_argument("--json", action="store_true")
    answer.set_defaults(handler=cmd_answer)
