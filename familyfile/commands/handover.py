"""``familyfile export PATH CHILD --agency ID --purpose P --format qr|share --out OUT``.

Everything goes through the consent selection rule (``services.handover``) and is logged in
the sharing log. ``--format fhir`` writes a FHIR document Bundle (JSON, unsigned) to OUT.

The signing key comes from ``familyfile.services.signing.current_key(session)``, imported when
the command runs; if that service is missing the command says so and exits 1 without writing.
``--format pdf`` writes the PDF pack (``services.handover.write_pdf``): the chosen sections
(``journal`` is printed only, it has no card), a QR card per section and the key card.
"""

from __future__ import annotations

import argparse
from importlib import import_module
from pathlib import Path
from typing import Any

from familyfile.commands.common import EXIT_OK, CliError, open_session
from familyfile.commands.consent import add_purpose_args, add_recipient_args, purposes_from, recipient_from
from familyfile.export import cards
from familyfile.export.keys import SigningKey
from familyfile.i18n import _
from familyfile.services import handover, sharing

FORMATS = ("qr", "share", "pdf", "fhir")


def signing_key(session: Any) -> SigningKey:
    """The family's current signing key, from the signing service (imported lazily)."""
    try:
        signing = import_module("familyfile.services.signing")
        current_key = signing.current_key
    except (ImportError, AttributeError) as exc:
        raise CliError(_("This version cannot sign cards yet: the family's signing key is not "
                         "available. Nothing was written.")) from exc
    key = current_key(session)
    if not isinstance(key, SigningKey):
        raise CliError(_("The family's signing key could not be read. Nothing was written."))
    return key


def cmd_export(args: argparse.Namespace) -> int:
    if args.expires_days < 1:
        raise CliError(_("--expires-days must be 1 or more."))
    with open_session(args.path) as session:
        child = session.find_child(args.child)
        who = recipient_from(args, session, child.id)
        purpose = purposes_from(args)[0]
        chosen = sharing.resolve_choices(session, child.id, args.choose or [])
        if args.format == "fhir":
            if handover.JOURNAL in (args.sections or ()):
                raise CliError(_("The journal section is only in the PDF pack (--format pdf)."))
            handover.write_fhir(session, child.id, who, purpose, chosen, Path(args.out), args.sections)
            print(_("FHIR bundle written to {out}.").format(out=args.out))
            return EXIT_OK
        key = signing_key(session)
        out = Path(args.out)
        name = args.display_name or f"{child.given_name} {child.family_name}".strip()
        if args.format == "pdf":
            handover.write_pdf(session, child.id, who, purpose, chosen, key,
                               args.sections or list(handover.PDF_SECTIONS), out, name,
                               args.expires_days, include_sharing_log=args.include_sharing_log)
            print(_("PDF pack written to {out}.").format(out=out))
            print(_("Fingerprint: {fp}").format(fp=key.fingerprint))
            return EXIT_OK
        if handover.JOURNAL in (args.sections or ()):
            raise CliError(_("The journal section is only in the PDF pack (--format pdf)."))
        sections = args.sections or list(cards.SECTIONS)
        if args.format == "qr":
            paths = handover.write_qr_folder(session, child.id, who, purpose, chosen, key, sections, out,
                                             args.expires_days)
            print(_("{n} QR cards written to {out}.").format(n=len(paths), out=out))
        else:
            handover.write_share_file(session, child.id, who, purpose, chosen, key, sections, out, name,
                                      args.expires_days)
            print(_("Share file written to {out}.").format(out=out))
        print(_("Fingerprint: {fp}").format(fp=key.fingerprint))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    exp = sub.add_parser("export", help=_("hand over chosen parts of a child's record, signed"))
    exp.add_argument("path", type=Path)
    exp.add_argument("child", help=_("the child's id or first name"))
    add_recipient_args(exp, team=False)
    add_purpose_args(exp, many=False)
    exp.add_argument("--format", required=True, choices=FORMATS,
                     help=_("qr: a folder of PNGs, one per card; share: one signed JSON file; "
                            "pdf: the PDF pack to print; fhir: a FHIR document Bundle (JSON)"))
    exp.add_argument("--out", required=True, metavar="OUT",
                     help=_("the folder (qr) or file (share, pdf, fhir)"))
    exp.add_argument("--sections", nargs="+", choices=handover.PDF_SECTIONS, metavar="SECTION",
                     help=_("which sections: {all} (default: all; journal only with --format pdf)")
                     .format(all=", ".join(handover.PDF_SECTIONS)))
    exp.add_argument("--choose", nargs="+", action="extend", metavar="CATEGORY_OR_ENTRY",
                     help=_("choose a kind of information or one entry for this share"))
    exp.add_argument("--expires-days", type=int, default=handover.DEFAULT_EXPIRES_DAYS, metavar="N",
                     help=_("how many days the cards stay valid (default 90)"))
    exp.add_argument("--display-name", default="",
                     help=_("the name shown with the key (share file, PDF pack)"))
    exp.add_argument("--include-sharing-log", action="store_true",
                     help=_("PDF pack: add a page listing who has had this record before"))
    exp.set_defaults(handler=cmd_export)
