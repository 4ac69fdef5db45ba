"""``familyfile preview``, ``familyfile share-log`` and ``familyfile entry mark|marks``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from familyfile.commands.common import EXIT_OK, open_session, print_json
from familyfile.commands.consent import (
    add_purpose_args,
    add_recipient_args,
    purposes_from,
    recipient_from,
    recipient_json,
)
from familyfile.domain import categories as cats
from familyfile.i18n import _
from familyfile.services import consent, entry_marks, sharing
from familyfile.services.sharing import Preview, ShareRecord


def preview_json(found: Preview) -> dict[str, Any]:
    return {
        "child_id": found.child_id, "recipient": recipient_json(found.recipient),
        "purpose": found.purpose.to_data(), "on": found.on.isoformat(),
        "in_team": found.in_team, "teams": list(found.teams),
        "included": [{"category": g.category, "name": g.name, "items": [
            {"entry_id": i.entry_id, "kind": i.kind, "summary": i.summary,
             "occurred_on": i.occurred_on, "sensitive": i.sensitive, "why": i.why}
            for i in g.items]} for g in found.groups],
        "held_back": [{"entry_id": h.entry_id, "kind": h.kind, "category": h.category,
                       "summary": h.summary, "reason": h.reason, "words": h.words,
                       "can_choose": h.can_choose} for h in found.held_back],
        "suggested_choices": list(found.suggested_choices),
        "choices": sorted(found.selection.choices), "notice": found.notice,
    }


def share_json(record: ShareRecord) -> dict[str, Any]:
    return {"seq": record.seq, "at_utc": record.at_utc, "actor": record.actor,
            "child_id": record.child_id, "recipient": recipient_json(record.recipient),
            "purpose": record.purpose.to_data(), "categories": list(record.categories),
            "entry_ids": list(record.entry_ids), "choices": list(record.choices),
            "format": record.format, "sha256": record.sha256, "size_bytes": record.size_bytes}


def cmd_preview(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        who = recipient_from(args, session, child.id)
        chosen = sharing.resolve_choices(session, child.id, args.choose or [])
        found = sharing.preview(session, child.id, who, purposes_from(args)[0], chosen)
    if args.json:
        print_json(preview_json(found))
        return EXIT_OK
    print(_("What would be shared with {who} for {purpose}:").format(
        who=found.recipient.name or found.recipient.id, purpose=found.purpose.label()))
    if not found.groups:
        print("  " + _("Nothing."))
    for group in found.groups:
        print(f"  {group.name}")
        for item in group.items:
            print(f"    {item.entry_id[:8]}  {item.summary}")
    held = [h for h in found.held_back if h.reason != "archived"]
    if held:
        print(_("Held back:"))
    for kept in held:
        print(f"    {kept.entry_id[:8]}  {kept.summary} — {kept.words}")
    print(found.notice)
    return EXIT_OK


def cmd_share_log(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        recipient_id = consent.agency(session, child.id, args.agency).id if args.agency else None
        found = sharing.share_log(session, child.id, recipient_id=recipient_id)
    if args.json:
        print_json([share_json(r) for r in found])
        return EXIT_OK
    if not found:
        print(_("Nothing has been shared yet."))
    for record in found:
        names = ", ".join(cats.category_name(k) for k in record.categories)
        print("\t".join([record.at_utc, record.recipient.name or record.recipient.id,
                         record.purpose.label(), names, record.format,
                         _("{n} entries").format(n=len(record.entry_ids)), record.sha256[:16]]))
    return EXIT_OK


def cmd_mark(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        entry_id = entry_marks.find_entry(session, args.entry)
        mark = entry_marks.set_mark(session, entry_id, args.mark)
    if args.json:
        print_json({"entry_id": entry_id, "mark": mark})
    else:
        print(_("Entry {id} is now marked {mark}.").format(id=entry_id, mark=mark))
    return EXIT_OK


def cmd_marks(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        entry_id = entry_marks.find_entry(session, args.entry)
        found = entry_marks.history(session, entry_id)
        current = entry_marks.mark(session, entry_id)
    if args.json:
        print_json({"entry_id": entry_id, "mark": current, "history": [
            {"seq": c.seq, "mark": c.mark, "changed_utc": c.changed_utc,
             "author": {"kind": c.author.kind, "name": c.author.name}} for c in found]})
        return EXIT_OK
    print(_("Marked {mark} now.").format(mark=current))
    for change in found:
        print("\t".join([change.changed_utc, change.mark, change.author.name or change.author.kind]))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    prev = sub.add_parser("preview", help=_("what would be shared, and what is held back and why"))
    prev.add_argument("path", type=Path)
    prev.add_argument("child", help=_("the child's id or first name"))
    add_recipient_args(prev, team=False)
    add_purpose_args(prev, many=False)
    prev.add_argument("--choose", nargs="+", action="extend", metavar="CATEGORY_OR_ENTRY",
                      help=_("choose a kind of information or one entry for this share"))
    prev.add_argument("--json", action="store_true")
    prev.set_defaults(handler=cmd_preview)

    log = sub.add_parser("share-log", help=_("what was shared, with whom, why and when"))
    log.add_argument("path", type=Path)
    log.add_argument("child", help=_("the child's id or first name"))
    log.add_argument("--agency", metavar="ID", help=_("only what went to this agency"))
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=cmd_share_log)

    entry = sub.add_parser("entry", help=_("one entry of the record"))
    entry_sub = entry.add_subparsers(dest="entry_command", required=True)
    mark = entry_sub.add_parser("mark", help=_("mark an entry default, sensitive or private"))
    mark.add_argument("path", type=Path)
    mark.add_argument("entry", help=_("the entry's id (or its first 6 or more characters)"))
    mark.add_argument("mark", choices=cats.MARKS)
    mark.add_argument("--json", action="store_true")
    mark.set_defaults(handler=cmd_mark)
    marks = entry_sub.add_parser("marks", help=_("how an entry's mark changed"))
    marks.add_argument("path", type=Path)
    marks.add_argument("entry")
    marks.add_argument("--json", action="store_true")
    marks.set_defaults(handler=cmd_marks)
