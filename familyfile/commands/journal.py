"""``familyfile journal add|list|search``: the developmental journal from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from familyfile.commands.common import EXIT_OK, CliError, open_session, print_json
from familyfile.domain import journal as rules
from familyfile.domain.entry import Entry
from familyfile.domain.journal import ObservationDraft
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import journal, journal_photos


def _area(text: str) -> str:
    found = rules.parse_area(text)
    if found is None:
        raise CliError(_("Unknown area \u201c{area}\u201d. Use one of: {keys}.").format(
            area=text, keys=", ".join(rules.AREAS)))
    return found


def entry_json(session: Any, entry: Entry, photo_count: int | None = None) -> dict[str, Any]:
    seen = journal.observation(entry)
    count = photo_count if photo_count is not None else len(journal.photos_of(session, entry.id))
    return {"id": entry.id, "version": entry.version, "date": seen.observed_on.isoformat(),
            "area": seen.area, "area_name": rules.area_name(seen.area),
            "area_eyfs_name": rules.area_official_name(seen.area), "text": seen.text,
            "is_first": seen.is_first, "first_title": seen.first_title,
            "observed_by": seen.observed_by,
            "author": {"kind": entry.author.kind, "name": entry.author.name},
            "written_by": rules.written_by(entry.author, session.author), "photos": count}


def _line(session: Any, entry: Entry) -> str:
    seen = journal.observation(entry)
    words = seen.text.splitlines()[0] if seen.text else ""
    if seen.is_first:
        words = _("First: {title}.").format(title=seen.first_title) + (" " + words if words else "")
    return "\t".join([entry.id[:10], seen.observed_on.isoformat(), rules.area_name(seen.area),
                      words[:100], rules.written_by(entry.author, session.author)])


def cmd_add(args: argparse.Namespace) -> int:
    prepared = []
    for photo in args.photo or []:
        try:
            prepared.append(journal_photos.prepare_file(Path(photo)))
        except ValidationError as exc:  # say which file
            raise CliError(f"{photo}: " + user_message(exc)) from None
    draft = ObservationDraft(args.date, _area(args.area), args.text or "", args.first or "",
                             bool(args.first), args.observed_by or "")
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        added = journal.add(session, child.id, draft, prepared)
        if args.json:
            print_json(entry_json(session, added, len(prepared)))
        else:
            print(_("Observation added: {id}").format(id=added.id))
    return EXIT_OK


def _all_pages(session: Any, child_id: str, chosen: journal.JournalFilter) -> Iterator[Entry]:
    offset = 0
    while True:
        page = journal.timeline(session, child_id, chosen, limit=journal.PAGE, offset=offset)
        yield from page
        if len(page) < journal.PAGE:
            return
        offset += len(page)


def _print(session: Any, found: list[Entry], as_json: bool, empty: str) -> None:
    if as_json:
        counts = journal.photo_counts(session, [e.id for e in found])
        print_json([entry_json(session, e, counts.get(e.id, 0)) for e in found])
        return
    if not found:
        print(empty)
    for entry in found:
        print(_line(session, entry))


def cmd_list(args: argparse.Namespace) -> int:
    chosen = journal.JournalFilter(area=_area(args.area) if args.area else None)
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        found = list(_all_pages(session, child.id, chosen))
        _print(session, found, args.json, _("No observations yet."))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        found = journal.search(session, child.id, args.query, limit=args.limit)
        _print(session, found, args.json, _("Nothing found for those words."))
    return EXIT_OK


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path)
    parser.add_argument("child", help=_("the child's id or first name"))


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("journal", help=_("the developmental journal: what your child can do"))
    top_sub = top.add_subparsers(dest="journal_command", required=True)
    add = top_sub.add_parser("add", help=_("add an observation"))
    _common(add)
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help=_("the day you saw it"))
    add.add_argument("--area", required=True, metavar="AREA",
                     help=_("the area of learning, one of: {keys}").format(keys=", ".join(rules.AREAS)))
    add.add_argument("--text", metavar="WORDS", help=_("what you saw"))
    add.add_argument("--first", metavar="TITLE", help=_("this was a first, for example 'first word'"))
    add.add_argument("--observed-by", metavar="WHO", help=_("who saw it, if not you"))
    add.add_argument("--photo", action="append", metavar="FILE",
                     help=_("a photo (JPEG or PNG, up to 20 MB); repeat for more"))
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)
    listing = top_sub.add_parser("list", help=_("list observations, newest first"))
    _common(listing)
    listing.add_argument("--area", metavar="AREA")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    find = top_sub.add_parser("search", help=_("find observations by their words"))
    _common(find)
    find.add_argument("query")
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=cmd_search)
