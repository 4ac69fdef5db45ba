"""The command line. The same services as the desktop app; one plain sentence per error.

Exit codes: 0 done/healthy, 1 anything else, 2 wrong passphrase or recovery key,
3 damaged (or key header lost), 4 open in another program.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from familyfile import errors
from familyfile.commands import common, register_all
from familyfile.commands.common import (
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    ENV_RECOVERY_KEY,
    EXIT_DAMAGED,
    EXIT_OK,
    EXIT_OTHER,
    CliError,
    exit_code_for,
)
from familyfile.domain.child import ChildDraft
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import session as sessions


# -- commands --------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    new = common.new_passphrase(ENV_PASSPHRASE)
    secret = sessions.new_recovery_secret()
    opened = sessions.create(args.path, new, recovery_secret=secret)
    key_text = sessions.format_recovery_key(secret)
    try:
        if args.recovery_sheet:
            _write_sheet(Path(args.recovery_sheet), key_text, opened)
    finally:
        opened.close()
    print(_("Family file created. Your recovery key (shown once — write it down or print the "
            "sheet):"))
    print(key_text)
    return EXIT_OK


def _write_sheet(out: Path, key_text: str, opened: sessions.FamilySession) -> None:
    from familyfile.export.recovery_sheet import write_recovery_sheet

    write_recovery_sheet(out, key_text, opened.clock.now())
    print(_("Recovery sheet saved. Print it and keep it with your important papers."))


def cmd_check(args: argparse.Namespace) -> int:
    opened = sessions.unlock(args.path, common.current_passphrase())
    try:
        common.report_warnings(opened, accept=False)
        problems = opened.check()
        if problems:
            common.warn(_("The family file is damaged: {problems}. Restore a backup "
                    "(familyfile backups, then familyfile restore).").format(
                problems="; ".join(problems[:5])))
            return EXIT_DAMAGED
        if sessions.OLDER_COPY in opened.warnings:
            return EXIT_OTHER
        count = len(opened.children())
        backups = opened.backups()
        print(_("Healthy: every page, table and activity-log entry checks out. "
                "{children} children, {backups} backups.").format(children=count, backups=len(backups)))
        return EXIT_OK
    finally:
        opened.close()


def cmd_passwd(args: argparse.Namespace) -> int:
    current = common.current_passphrase()
    opened = sessions.unlock(args.path, current)
    try:
        opened.change_passphrase(current, common.new_passphrase(ENV_NEW_PASSPHRASE))
    finally:
        opened.close()
    print(_("Passphrase changed. Use the new one from now on."))
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    key_text = common.secret(ENV_RECOVERY_KEY, _("Recovery key: "))
    new = common.new_passphrase(ENV_NEW_PASSPHRASE)
    opened, new_key = sessions.recover(args.path, key_text, new)
    try:
        if args.recovery_sheet:
            _write_sheet(Path(args.recovery_sheet), new_key, opened)
    finally:
        opened.close()
    print(_("Family file opened with the recovery key and the new passphrase is set. "
            "Your old recovery sheet no longer works. Your NEW recovery key:"))
    print(new_key)
    return EXIT_OK


def cmd_new_recovery_key(args: argparse.Namespace) -> int:
    current = common.current_passphrase()
    opened = sessions.unlock(args.path, current)
    try:
        new_key = opened.replace_recovery_key(current)
        if args.recovery_sheet:
            _write_sheet(Path(args.recovery_sheet), new_key, opened)
    finally:
        opened.close()
    print(_("New recovery key made. Your old recovery sheet no longer works. "
            "Your NEW recovery key:"))
    print(new_key)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    opened = common.open_session_plain(args.path)
    try:
        info = opened.backup_now("manual")
    finally:
        opened.close()
    print(_("Backup made and checked: {name}").format(name=info.name))
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    found = sessions.backups_of(args.path)
    if args.json:
        print(json.dumps([{"name": b.name, "made_utc": b.made_utc.isoformat(), "reason": b.reason,
                           "path": str(b.path), "bytes": b.size_bytes} for b in found], indent=1))
        return EXIT_OK
    if not found:
        print(_("No backups yet."))
    for info in found:
        print(f"{info.name}\t{info.made_utc:%Y-%m-%d %H:%M} UTC\t{info.reason}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    chosen = sessions.find_backup(args.path, args.backup)
    try:
        opened = common.open_session_plain(args.path)
    except errors.DamagedFileError:
        kept = sessions.restore_instead_of_damaged(args.path, chosen)
        print(_("Backup restored. The damaged file was kept as {name}.").format(name=kept.name))
        return EXIT_OK
    try:
        same_passphrase = opened.restore(chosen)
    finally:
        opened.close()
    print(_("Backup restored; the state before it was backed up first."))
    if not same_passphrase:
        print(_("This backup opens with the passphrase you used when it was made."))
    return EXIT_OK


def cmd_export_file(args: argparse.Namespace) -> int:
    opened = common.open_session_plain(args.path)
    try:
        opened.export_whole_file(Path(args.out))
    finally:
        opened.close()
    print(_("Whole family file exported. It opens with the same passphrase or recovery key."))
    return EXIT_OK


def cmd_import_file(args: argparse.Namespace) -> int:
    sessions.import_whole_file(Path(args.source), Path(args.path), common.current_passphrase())
    print(_("Family file imported and checked."))
    return EXIT_OK


def cmd_child_add(args: argparse.Namespace) -> int:
    opened = common.open_session_plain(args.path)
    try:
        child = opened.add_child(ChildDraft(args.given, args.family, args.dob))
    finally:
        opened.close()
    if args.json:
        print(json.dumps(_child_json(child)))
    else:
        print(_("Child added: {id}").format(id=child.id))
    return EXIT_OK


def cmd_child_list(args: argparse.Namespace) -> int:
    opened = common.open_session_plain(args.path)
    try:
        found = opened.children()
    finally:
        opened.close()
    if args.json:
        print(json.dumps([_child_json(c) for c in found], indent=1, ensure_ascii=False))
        return EXIT_OK
    for child in found:
        print(f"{child.id}\t{child.display_name}\t{child.date_of_birth.isoformat()}")
    return EXIT_OK


def _child_json(child: object) -> dict[str, str]:
    from familyfile.domain.child import Child

    assert isinstance(child, Child)
    return {"id": child.id, "given_name": child.given_name, "family_name": child.family_name,
            "date_of_birth": child.date_of_birth.isoformat()}


def cmd_app(args: argparse.Namespace) -> int:
    from familyfile.app import run

    return run(Path(args.path) if getattr(args, "path", None) else None)


# -- parser -----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="familyfile", description=_(
        "Family File: your child's health record, encrypted on this computer."))
    sub = parser.add_subparsers(dest="command")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            *paths: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text)
        for arg in paths:
            command.add_argument(arg, type=Path)
        command.set_defaults(handler=handler)
        return command

    add("open", cmd_app, _("start the desktop app on a family file"), "path")
    init = add("init", cmd_init, _("create a family file"), "path")
    init.add_argument("--recovery-sheet", metavar="OUT.pdf")
    add("check", cmd_check, _("unlock and run every integrity check"), "path")
    add("passwd", cmd_passwd, _("change the passphrase"), "path")
    recover = add("recover", cmd_recover, _("open with the recovery key and set a new passphrase"),
                  "path")
    recover.add_argument("--recovery-sheet", metavar="OUT.pdf")
    new_key = add("new-recovery-key", cmd_new_recovery_key,
                  _("make a new recovery key (when the sheet is lost)"), "path")
    new_key.add_argument("--recovery-sheet", metavar="OUT.pdf")
    add("backup", cmd_backup, _("make a verified backup now"), "path")
    add("backups", cmd_backups, _("list the backups"), "path").add_argument("--json", action="store_true")
    restore = add("restore", cmd_restore, _("restore a backup"), "path")
    restore.add_argument("backup")
    export = add("export-file", cmd_export_file, _("export the whole family file as one file"), "path")
    export.add_argument("out")
    imp = add("import-file", cmd_import_file, _("import a whole family file"))
    imp.add_argument("source")
    imp.add_argument("path", type=Path)

    child = sub.add_parser("child", help=_("children in the family file"))
    child_sub = child.add_subparsers(dest="child_command", required=True)
    child_add = child_sub.add_parser("add", help=_("add a child"))
    child_add.add_argument("path", type=Path)
    child_add.add_argument("--given", required=True)
    child_add.add_argument("--family", required=True)
    child_add.add_argument("--dob", required=True, metavar="YYYY-MM-DD")
    child_add.add_argument("--json", action="store_true")
    child_add.set_defaults(handler=cmd_child_add)
    child_list = child_sub.add_parser("list", help=_("list the children"))
    child_list.add_argument("path", type=Path)
    child_list.add_argument("--json", action="store_true")
    child_list.set_defaults(handler=cmd_child_list)
    from familyfile.commands.about_me import add_child_show

    add_child_show(child_sub)  # the whole record of a child as JSON
    register_all(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # everything this program writes is for this user only
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        return cmd_app(args)
    try:
        return int(handler(args))
    except CliError as exc:
        common.warn(exc.sentence)
        return EXIT_OTHER
    except KeyboardInterrupt:
        common.warn(_("Stopped. Nothing saved before has been lost."))
        return EXIT_OTHER
    except Exception as exc:  # the one place the CLI turns any failure into a sentence
        common.warn(user_message(exc))
        return exit_code_for(exc)
