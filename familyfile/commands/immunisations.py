"""``familyfile immunisation add|list|schedule``: vaccinations and the UK schedule."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from familyfile.commands.common import EXIT_OK, open_session, print_json
from familyfile.domain import immunisations as rules
from familyfile.domain.entry import Entry
from familyfile.domain.immunisations import DoseDraft, DoseRecord, DoseStatus
from familyfile.i18n import _
from familyfile.services import immunisation_words as words
from familyfile.services import immunisations


def _record_json(entry: Entry, record: DoseRecord) -> dict[str, Any]:
    return {"id": entry.id, "version": entry.version, **record.to_data(),
            "name": words.vaccine_name(record.vaccine, record),
            "author": {"kind": entry.author.kind, "name": entry.author.name}}


def _row_json(row: DoseStatus, today: Any) -> dict[str, Any]:
    planned = row.planned
    return {"appointment": planned.appointment, "vaccine": planned.vaccine, "dose": planned.dose,
            "name": words.vaccine_name(planned.vaccine), "due": planned.due.isoformat(),
            "overdue_from": planned.overdue_from.isoformat(),
            "latest": planned.latest.isoformat() if planned.latest else None,
            "edition": planned.edition, "status": row.state, "status_text": words.status_text(row, today),
            "record_id": row.record_key, "on": row.on.isoformat()}


def _source_json(edition: str | None = None) -> dict[str, Any]:
    info = immunisations.schedule_info(edition)
    return {"title": info.title, "version": info.version, "encoded_on": info.encoded_on,
            "edition": info.edition_id, "edition_title": info.edition_title,
            "edition_in_force_from": info.edition_from.isoformat(),
            "overdue_after_days": info.overdue_after_days,
            "sources": [{"name": s.name, "url": s.url, "date_checked": s.date_checked, "note": s.note}
                        for s in info.sources],
            "verify": info.verify}


def cmd_add(args: argparse.Namespace) -> int:
    draft = DoseDraft(date=args.date, vaccine=args.vaccine, dose=args.dose or "",
                      vaccine_name=args.name or "", declined=args.declined,
                      product=args.product or "", batch=args.batch or "", site=args.site or "",
                      route=args.route or "", given_by=args.given_by or "", place=args.where or "",
                      abroad=args.abroad is not None, country=args.abroad or "")
    with open_session(args.path) as opened:
        child = opened.find_child(args.child)
        entry = immunisations.add(opened, child.id, draft)
        record = DoseRecord.from_data(entry.data)
    if args.json:
        print_json(_record_json(entry, record))
        return EXIT_OK
    print(_("Saved: {dose}. {when}.").format(dose=words.dose_text(record.vaccine, record.dose, record),
                                            when=words.given_text(record)))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        child = opened.find_child(args.child)
        table = immunisations.status_table(opened, child.id)
        today = opened.today()
    if args.json:
        print_json({"doses": [_row_json(r, today) for r in table.rows],
                    "other_records": [_record_json(e, r) for e, r in table.extra],
                    "covered_by_schedule": table.covered, "schedule": _source_json()})
        return EXIT_OK
    if not table.covered:
        print(_("The schedule in Family File starts with children born on or after 1 January 2020."))
    for row in table.rows:
        print(f"{words.appointment_label(row.planned.appointment)}\t"
              f"{words.dose_text(row.planned.vaccine, row.planned.dose)}\t"
              f"{words.state_word(row.state)}\t{words.status_text(row, today)}")
    for _entry, record in table.extra:
        print(f"{_('Other')}\t{words.dose_text(record.vaccine, record.dose, record)}\t"
              f"{words.state_word(rules.DECLINED if record.declined else rules.GIVEN)}\t"
              f"{words.given_text(record, today)}")
    print(words.source_text())
    return EXIT_OK


def cmd_schedule(args: argparse.Namespace) -> int:
    with open_session(args.path) as opened:
        child = opened.find_child(args.child)
        plan = immunisations.planned(opened, child.id)
    if args.json:
        print_json({"date_of_birth": child.date_of_birth.isoformat(),
                    "doses": [{"appointment": p.appointment, "vaccine": p.vaccine, "dose": p.dose,
                               "name": words.vaccine_name(p.vaccine), "due": p.due.isoformat(),
                               "overdue_from": p.overdue_from.isoformat(), "edition": p.edition}
                              for p in plan],
                    "schedule": _source_json()})
        return EXIT_OK
    for p in plan:
        print(f"{p.due.isoformat()}\t{words.appointment_label(p.appointment)}\t"
              f"{words.dose_text(p.vaccine, p.dose)}\t{_('edition')} {p.edition}")
    print(words.source_text())
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser("immunisation", help=_("vaccinations and the UK schedule"))
    inner = command.add_subparsers(dest="immunisation_command", required=True)
    keys = [*immunisations.schedule().vaccines, rules.OTHER]

    add = inner.add_parser("add", help=_("record a vaccination given or declined"))
    add.add_argument("path", type=Path)
    add.add_argument("child", help=_("the child's id, id start or first name"))
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD",
                     help=_("the day it was given (or declined)"))
    add.add_argument("--vaccine", required=True, choices=keys)
    add.add_argument("--name", help=_("the vaccine's name, with --vaccine other"))
    add.add_argument("--dose", metavar="N", help=_("dose number (worked out if left out)"))
    add.add_argument("--product", help=_("the product (brand) name"))
    add.add_argument("--batch", help=_("the batch number"))
    add.add_argument("--site", choices=rules.SITES, help=_("where on the body"))
    add.add_argument("--route", choices=rules.ROUTES, help=_("how it was given"))
    add.add_argument("--given-by", help=_("who gave it"))
    add.add_argument("--where", help=_("where it was given"))
    add.add_argument("--abroad", metavar="COUNTRY",
                     help=_("given abroad or somewhere else: the country"))
    add.add_argument("--declined", action="store_true", help=_("the vaccination was declined"))
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    for name, handler, text in (
            ("list", cmd_list, _("each planned dose: given, due, overdue or not due yet")),
            ("schedule", cmd_schedule, _("the doses planned for the child, with due dates"))):
        shown = inner.add_parser(name, help=text)
        shown.add_argument("path", type=Path)
        shown.add_argument("child", help=_("the child's id, id start or first name"))
        shown.add_argument("--json", action="store_true")
        shown.set_defaults(handler=handler)
