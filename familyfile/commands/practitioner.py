"""``familyfile practitioner init|show|key-card|issue|ack`` and ``familyfile import-entry``.

The passphrase of the practitioner's identity file (and, for ``import-entry``, of the family
file) comes from ``FAMILYFILE_PASSPHRASE`` or a terminal prompt, as for every command.
Exit codes of ``import-entry`` are listed in :data:`IMPORT_EXIT` and docs/practitioner.md.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from familyfile.clock import SYSTEM_CLOCK
from familyfile.commands.common import (
    ENV_PASSPHRASE,
    EXIT_DAMAGED,
    EXIT_OK,
    EXIT_OTHER,
    CliError,
    current_passphrase,
    new_passphrase,
    open_session,
    print_json,
    warn,
)
from familyfile.commands.keys import VERIFY_EXIT
from familyfile.export.verify import Outcome
from familyfile.i18n import _
from familyfile.services import entry_import, verifier
from familyfile.services import practitioner as practice
from familyfile.store.identity_file import IdentityFileDamaged

#: ``familyfile import-entry`` exit codes (refusals after verification reuse ``verify``'s codes).
IMPORT_EXIT: dict[str, int] = {
    entry_import.IMPORTED: 0, entry_import.ACKNOWLEDGED: 0, entry_import.TRUSTED: 0,
    entry_import.ALREADY: 0, entry_import.KEPT_NEWER: 21,
    "unknown-signer": VERIFY_EXIT[Outcome.VALID_UNKNOWN_SIGNER],
    "unknown-key": VERIFY_EXIT[Outcome.UNKNOWN_KEY],
    "key-changed": VERIFY_EXIT[Outcome.SIGNER_KEY_CHANGED],
    "altered": VERIFY_EXIT[Outcome.ALTERED], "expired": VERIFY_EXIT[Outcome.EXPIRED],
    "not-yet-valid": VERIFY_EXIT[Outcome.NOT_YET_VALID],
    "not-a-family-file-card": VERIFY_EXIT[Outcome.NOT_A_FAMILY_FILE_CARD],
    "unreadable": EXIT_OTHER, "no-card": EXIT_OTHER, "several-cards": EXIT_OTHER,
    "not-an-entry-card": VERIFY_EXIT[Outcome.NOT_A_FAMILY_FILE_CARD],
    "not-readable": VERIFY_EXIT[Outcome.UNREADABLE],
    "other-family": 22, "no-child": 23, "invalid": 24,
}
_IMPORT_EPILOG = _(
    "exit codes:\n   0  imported, acknowledged, signer trusted, or already imported (nothing changed)\n"
    "  21  kept your newer entry (nothing added)\n  10  signer not trusted yet (fingerprint printed; "
    "compare it, then use --trust)\n  11  signed by a key you were not given\n  12  the signer's key "
    "changed\n  13  altered\n  14  expired\n  15  not valid yet\n  16  not an entry card\n"
    "  17  unreadable content\n  22  made for another family file\n  23  the child is not in this "
    "family file\n  24  the entry does not pass the record's checks\n   1  the file could not be read\n"
    "   2  wrong passphrase")


@contextmanager
def _identity(path: Path) -> Iterator[practice.Practitioner]:
    try:
        yield practice.open_identity(path, current_passphrase())
    except IdentityFileDamaged:
        raise _Damaged() from None


class _Damaged(Exception):
    pass


def _guard(handler: object) -> object:
    def run(args: argparse.Namespace) -> int:
        try:
            return int(handler(args))  # type: ignore[operator]
        except _Damaged:
            warn(_("This is not a practitioner identity file, or it is damaged."))
            return EXIT_DAMAGED
        except practice.HandoverRefused as exc:
            warn(exc.sentence)
            return VERIFY_EXIT[Outcome.VALID_UNKNOWN_SIGNER] if exc.reason == "unknown-signer" else EXIT_OTHER
        except practice.Refused as exc:
            warn(exc.sentence)
            return EXIT_OTHER
    return run


def cmd_init(args: argparse.Namespace) -> int:
    if Path(args.file).exists():
        raise CliError(_("There is already a file there: nothing was changed. Choose another name."))
    passphrase = new_passphrase(ENV_PASSPHRASE)
    made = practice.create_identity(args.file, passphrase, name=args.name, role=args.role,
                                    organisation=args.organisation, ods_code=args.ods or "")
    print(_("Practitioner identity created for {who}. Fingerprint of your signing key:").format(
        who=made.identity.display))
    print(made.fingerprint)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _identity(args.file) as me:
        if args.json:
            print_json({**me.identity.to_data(), "issuer": me.issuer, "kid": me.key.kid,
                        "fingerprint": me.fingerprint})
            return EXIT_OK
        print(me.identity.key_card_name)
        print(_("Fingerprint of your signing key (families compare it digit by digit):"))
        print(me.fingerprint)
    return EXIT_OK


def cmd_key_card(args: argparse.Namespace) -> int:
    with _identity(args.file) as me:
        fingerprint = practice.write_key_card(Path(args.out), me)
    print(_("Key card written to {out}. Fingerprint:").format(out=args.out))
    print(fingerprint)
    return EXIT_OK


def _handover(args: argparse.Namespace) -> practice.VerifiedHandover:
    found = practice.read_handover(Path(args.bundle), verifier.load_trust(args.trust_store),
                                   accept_unknown=args.accept_unknown)
    if not found.known_signer:
        warn(_("You have not trusted this family's key: you accepted it after comparing this "
               "fingerprint: {fp}").format(fp=found.fingerprint))
    return found


def _write(args: argparse.Namespace, me: practice.Practitioner, jws: str) -> None:
    out = Path(args.out)
    practice.write_card(out, jws, practice.key_card(me), practice.format_for(out, args.format))


def cmd_issue(args: argparse.Namespace) -> int:
    with _identity(args.file) as me:
        handover = _handover(args)
        day = args.date or SYSTEM_CLOCK.now().date().isoformat()
        draft = practice.EntryDraft(args.kind, day, args.weight_kg or "", args.height_cm or "",
                                    args.head_cm or "", args.vaccine or "", args.dose or "",
                                    args.outcome or "", args.text or "", args.area or "")
        jws = practice.issue_entry(me, handover, draft, expires_days=args.expires_days)
        _write(args, me, jws)
    print(_("Entry card written to {out}. The family imports it with familyfile import-entry.").format(
        out=args.out))
    return EXIT_OK


def cmd_ack(args: argparse.Namespace) -> int:
    with _identity(args.file) as me:
        handover = _handover(args)
        jws = practice.issue_ack(me, handover, expires_days=args.expires_days)
        _write(args, me, jws)
    print(_("Acknowledgement card written to {out}.").format(out=args.out))
    return EXIT_OK


def cmd_import_entry(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        try:
            result = entry_import.import_entry(session, Path(args.file), trust_signer=args.trust)
        except entry_import.EntryRefused as exc:
            code = IMPORT_EXIT.get(exc.reason, EXIT_OTHER)
            if args.json:
                print_json({"status": "refused", "reason": exc.reason, "message": exc.message,
                            "fingerprint": exc.fingerprint, "exit_code": code})
            else:
                warn(exc.message)
            return code
    code = IMPORT_EXIT[result.status]
    if args.json:
        print_json({"status": result.status, "message": result.message, "entry_id": result.entry_id,
                    "kind": result.kind, "child_id": result.child_id, "card_id": result.card_id,
                    "signer": result.signer, "fingerprint": result.fingerprint, "exit_code": code})
    else:
        print(result.message)
    return code


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("practitioner", help=_("practitioner mode: your identity and signed entry cards"))
    psub = top.add_subparsers(dest="practitioner_command", required=True)
    init = psub.add_parser("init", help=_("create your identity file and signing key"))
    init.add_argument("file", type=Path)
    init.add_argument("--name", required=True)
    init.add_argument("--role", required=True)
    init.add_argument("--organisation", required=True)
    init.add_argument("--ods", metavar="CODE", help=_("your organisation's ODS code (optional)"))
    init.set_defaults(handler=_guard(cmd_init))
    show = psub.add_parser("show", help=_("show your identity and key fingerprint"))
    show.add_argument("file", type=Path)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_guard(cmd_show))
    card = psub.add_parser("key-card", help=_("write your key card (OUT.png for a QR code, else text)"))
    card.add_argument("file", type=Path)
    card.add_argument("out", type=Path)
    card.set_defaults(handler=_guard(cmd_key_card))
    issue = psub.add_parser("issue", help=_("sign an entry card for the child in a verified handover"))
    ack = psub.add_parser("ack", help=_("sign an acknowledgement card (\"received\"; your key card "
                                        "says by whom)"))
    for parser in (issue, ack):
        parser.add_argument("file", type=Path)
        parser.add_argument("bundle", type=Path, help=_("the family's share file, card, QR image or PDF"))
        parser.add_argument("--out", required=True, type=Path)
        parser.add_argument("--format", choices=practice.FORMATS,
                            help=_("png (QR codes), txt (shc:/ text) or json; default from OUT"))
        parser.add_argument("--accept-unknown", action="store_true",
                            help=_("use a family key you have not trusted (after comparing its fingerprint)"))
        parser.add_argument("--trust-store", type=Path, metavar="DIR", default=None)
        parser.add_argument("--expires-days", type=int, default=practice.DEFAULT_EXPIRES_DAYS)
    issue.add_argument("--kind", required=True, choices=("growth", "immunisation", "review", "note"))
    issue.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day it was done (default: today)"))
    for name in ("--weight-kg", "--height-cm", "--head-cm", "--vaccine", "--dose", "--outcome", "--text",
                 "--area"):
        issue.add_argument(name)
    issue.set_defaults(handler=_guard(cmd_issue))
    ack.set_defaults(handler=_guard(cmd_ack))

    imp = sub.add_parser("import-entry", help=_("import a practitioner's confirmed entry or acknowledgement"),
                         epilog=_IMPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("path", type=Path)
    imp.add_argument("file", type=Path, help=_("the card, QR image, PDF or file"))
    imp.add_argument("--trust", action="store_true",
                     help=_("trust the practitioner's key (only after comparing its fingerprint "
                            "with theirs)"))
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import_entry)
