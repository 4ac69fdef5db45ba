"""``familyfile growth add|edit|list``: measurements and their UK-WHO centiles."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from familyfile.commands.common import EXIT_OK, open_session, print_json
from familyfile.domain import growth as rules
from familyfile.domain.growth import GrowthDraft
from familyfile.domain.growth_chart import reference_label
from familyfile.i18n import _
from familyfile.services import growth
from familyfile.services.growth import GrowthRow


def _names() -> dict[str, str]:
    return {rules.WEIGHT: _("Weight"), rules.HEIGHT: _("Length or height"),
            rules.HEAD: _("Head"), rules.BMI: _("BMI")}


def describe(found: GrowthRow) -> list[str]:
    """Plain lines: the date and age, then one line per value with its centile."""
    age = found.age_text
    if found.corrected_age_text:
        age = _("{age}; corrected for prematurity: {corrected}").format(
            age=age, corrected=found.corrected_age_text)
    lines = [_("{date} (age {age})").format(date=found.measurement.measured_on.isoformat(), age=age)]
    for method, centile in found.result.centiles.items():
        value = rules.format_value(method, centile.value)
        if centile.problem == "needs-sex":
            detail = _("centiles need the child's sex: add it in About me")
        elif centile.problem:
            detail = _("no UK-WHO centile at this age")
        else:
            detail = _("centile {centile}, SDS {sds:+.2f}").format(centile=centile.text,
                                                                   sds=centile.sds or 0.0)
        lines.append(f"  {_names()[method]}: {value} — {detail}")
    return lines


def _draft(args: argparse.Namespace, base: GrowthDraft | None = None) -> GrowthDraft:
    draft = base or GrowthDraft(measured_on=args.date or "")
    changes = {key: value for key, value in {
        "measured_on": args.date, "weight_kg": args.weight_kg, "height_cm": args.height_cm,
        "head_cm": args.head_cm, "length_or_height": args.length_or_height,
        "measured_by": args.measured_by, "measured_where": args.where, "notes": args.notes,
    }.items() if value is not None}
    return dataclasses.replace(draft, **changes)


def _show(found: GrowthRow, as_json: bool, saved: bool) -> None:
    if as_json:
        print_json(found.to_data())
        return
    if saved:
        print(_("Measurement saved."))
    print("\n".join(describe(found)))
    print(reference_label())


def cmd_add(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        child = opened.find_child(args.child)
        found = growth.add(opened, child.id, _draft(args), confirmed=args.confirm_unusual)
    _show(found, args.json, saved=True)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        current = growth.get(opened, args.entry)
        found = growth.edit(opened, current.entry, _draft(args, current.measurement.to_draft()),
                            confirmed=args.confirm_unusual)
    _show(found, args.json, saved=True)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        child = opened.find_child(args.child)
        rows = growth.list_measurements(opened, child.id)
    if args.json:
        print_json([r.to_data() for r in rows])
        return EXIT_OK
    if not rows:
        print(_("No measurements yet."))
    for found in rows:
        print("\n".join(describe(found)) + (f"  ({_('changed')})" if found.edited else ""))
    if rows:
        print(reference_label())
    return EXIT_OK


def _values(command: argparse.ArgumentParser) -> None:
    command.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day it was measured"))
    command.add_argument("--weight-kg", metavar="KG", help=_("weight in kilograms, e.g. 7.9"))
    command.add_argument("--height-cm", metavar="CM",
                         help=_("length (lying, under 2) or height (standing) in centimetres"))
    command.add_argument("--head-cm", metavar="CM", help=_("head circumference in centimetres"))
    command.add_argument("--length-or-height", choices=(rules.LENGTH, rules.STANDING),
                         help=_("measured lying down (length) or standing (height)"))
    command.add_argument("--measured-by", help=_("who measured"))
    command.add_argument("--where", help=_("where it was measured"))
    command.add_argument("--notes")
    command.add_argument("--confirm-unusual", action="store_true",
                         help=_("save a very unusual value that you have checked"))
    command.add_argument("--json", action="store_true")


def register(sub: argparse._SubParsersAction) -> None:
    growth_cmd = sub.add_parser("growth", help=_("weight, length or height, head: UK-WHO centiles"))
    growth_sub = growth_cmd.add_subparsers(dest="growth_command", required=True)
    add = growth_sub.add_parser("add", help=_("add a measurement and show its centiles"))
    add.add_argument("path", type=Path)
    add.add_argument("child", help=_("the child's id, id start or first name"))
    _values(add)
    add.set_defaults(handler=cmd_add)
    edit = growth_sub.add_parser("edit", help=_("change a measurement (the old one is kept)"))
    edit.add_argument("path", type=Path)
    edit.add_argument("entry", help=_("the measurement's id (from growth list --json)"))
    _values(edit)
    edit.set_defaults(handler=cmd_edit)
    listing = growth_sub.add_parser("list", help=_("list the measurements with their centiles"))
    listing.add_argument("path", type=Path)
    listing.add_argument("child")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
