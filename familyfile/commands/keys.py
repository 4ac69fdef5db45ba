"""``familyfile key show|export|rotate``, ``familyfile trust add|list`` and ``familyfile verify``.

``verify`` exits 0 only when every card in the file is verified with a key you trust; each
other outcome has its own exit code (:data:`VERIFY_EXIT`, documented in docs/cards.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from familyfile.commands.common import EXIT_OK, EXIT_OTHER, CliError, open_session, print_json, warn
from familyfile.export import keys, readable
from familyfile.export.verify import Outcome, Verification
from familyfile.i18n import _
from familyfile.services import signing, verifier
from familyfile.store.atomic_file import write_atomic

#: ``familyfile verify`` exit codes: 0 only for a verified card from a trusted signer.
VERIFY_EXIT: dict[Outcome, int] = {
    Outcome.VERIFIED_KNOWN_SIGNER: 0,
    Outcome.VALID_UNKNOWN_SIGNER: 10,
    Outcome.UNKNOWN_KEY: 11,
    Outcome.SIGNER_KEY_CHANGED: 12,
    Outcome.ALTERED: 13,
    Outcome.EXPIRED: 14,
    Outcome.NOT_YET_VALID: 15,
    Outcome.NOT_A_FAMILY_FILE_CARD: 16,
    Outcome.UNREADABLE: 17,
}
#: With several cards in one file, the exit code is that of the first outcome in this order.
SEVERITY = (Outcome.SIGNER_KEY_CHANGED, Outcome.ALTERED, Outcome.UNKNOWN_KEY, Outcome.EXPIRED,
            Outcome.NOT_YET_VALID, Outcome.UNREADABLE, Outcome.NOT_A_FAMILY_FILE_CARD,
            Outcome.VALID_UNKNOWN_SIGNER, Outcome.VERIFIED_KNOWN_SIGNER)

_EXIT_TABLE = "\n".join(f"  {code:>2}  {outcome.name}" for outcome, code in VERIFY_EXIT.items())
_VERIFY_EPILOG = _("exit codes:\n{table}\n   1  the file could not be read, or holds no card\n"
                   "with several cards, the worst outcome decides (key changed, altered, unknown key, "
                   "expired, not yet valid, unreadable, not a card, unknown signer).").format(
                       table=_EXIT_TABLE)


# -- key --------------------------------------------------------------------------------------
def cmd_key_show(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        signing.current_key(session)
        found = signing.all_keys(session)
        iss = signing.issuer(session)
    current = found[0]
    if args.json:
        print_json({"issuer": iss, "kid": current.kid, "fingerprint": current.fingerprint,
                    "jwk": current.jwk, "previous": [{"kid": k.kid, "retired_utc": k.retired_utc}
                                                     for k in found[1:]]})
        return EXIT_OK
    print(_("Fingerprint of this family file's signing key (compare it digit by digit):"))
    print(current.fingerprint)
    print(_("Key id: {kid}").format(kid=current.kid))
    if len(found) > 1:
        print(_("Previous keys kept to recognise older cards: {count}").format(count=len(found) - 1))
    return EXIT_OK


def cmd_key_export(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        jwk = signing.public_jwk(session)
        fingerprint = signing.fingerprint(session)
    text = json.dumps(jwk, indent=1, sort_keys=True) + "\n"
    write_atomic(Path(args.out), text.encode("utf-8"))
    print(_("Public key saved (it holds no secret). Fingerprint:"))
    print(fingerprint)
    return EXIT_OK


def cmd_key_rotate(args: argparse.Namespace) -> int:
    with open_session(args.path) as session:
        key = signing.rotate(session)
    print(_("New signing key made; the previous one is kept to recognise older cards. "
            "People who trusted the old key must compare and trust the new fingerprint:"))
    print(key.fingerprint)
    return EXIT_OK


# -- trust ------------------------------------------------------------------------------------
def _read(path: Path) -> verifier.Contents:
    try:
        return verifier.read_contents(path)
    except verifier.NotReadable as exc:
        raise CliError(str(exc)) from None


def cmd_trust_add(args: argparse.Namespace) -> int:
    found = verifier.candidates(_read(Path(args.file)))
    if args.kid:
        found = [c for c in found if c.kid == args.kid]
    if not found:
        raise CliError(_("The file holds no usable signing key (a key card, a JWK or a JWKS)."))
    if len(found) > 1 and len({c.kid for c in found}) > 1:
        raise CliError(_("The file holds several keys: choose one with --kid ({kids}).").format(
            kids=", ".join(c.kid for c in found)))
    chosen = found[0]
    issuer = args.issuer or chosen.issuer
    if not issuer:
        raise CliError(_("This key does not say whose it is: give the issuer with --issuer."))
    if args.issuer and chosen.issuer and args.issuer != chosen.issuer:
        raise CliError(_("The key card names another issuer ({issuer}).").format(issuer=chosen.issuer))
    store = verifier.load_trust(args.trust_store)
    print(_("Fingerprint (compare it with the one shown by the family or issuer):"))
    print(chosen.fingerprint)
    pinned = store.key_for(issuer)
    if pinned is not None and keys.kid_of(pinned) != chosen.kid and not args.replace:
        warn(_("WARNING: you already trust a DIFFERENT key for {issuer} (fingerprint {old}). "
               "Only if you have checked the new fingerprint with them, run again with --replace.")
             .format(issuer=issuer, old=keys.fingerprint_of(pinned)))
        return VERIFY_EXIT[Outcome.SIGNER_KEY_CHANGED]
    store.pin(issuer, chosen.jwk)
    verifier.save_trust(store, args.trust_store)
    named = f" ({chosen.name})" if chosen.name else ""
    print(_("Trusted for {issuer}{name}.").format(issuer=issuer, name=named))
    return EXIT_OK


def cmd_trust_list(args: argparse.Namespace) -> int:
    store = verifier.load_trust(args.trust_store)
    rows = [{"issuer": issuer, "kid": keys.kid_of(jwk), "fingerprint": keys.fingerprint_of(jwk)}
            for issuer, jwk in sorted(store.keys.items())]
    if args.json:
        print_json(rows)
    elif not rows:
        print(_("No trusted keys yet."))
    for row in [] if args.json else rows:
        print(f"{row['issuer']}\n  {row['fingerprint']}")
    return EXIT_OK


# -- verify -----------------------------------------------------------------------------------
def exit_code(results: list[Verification]) -> int:
    outcomes = {r.outcome for r in results}
    worst = next(o for o in SEVERITY if o in outcomes)
    return VERIFY_EXIT[worst]


def _result_json(result: Verification) -> dict[str, Any]:
    payload = result.payload or {}
    subject = payload.get("vc", {}).get("credentialSubject", {}) if payload else {}
    return {"outcome": result.outcome.name, "verified": result.verified, "reason": result.reason,
            "exit_code": VERIFY_EXIT[result.outcome], "issuer": result.issuer, "kid": result.kid,
            "fingerprint": result.fingerprint, "family_file": result.family_file,
            "nbf": payload.get("nbf"), "exp": payload.get("exp"),
            "fhirBundle": subject.get("fhirBundle")}


def _print_result(number: int, result: Verification, signer: str = "") -> None:
    mark = _("VERIFIED") if result.verified else _("NOT VERIFIED")
    print(_("Card {n}: {mark} — {reason}").format(n=number, mark=mark, reason=result.reason))
    if result.issuer:
        kind = _("Family File card") if result.family_file else _("health card from another issuer")
        print(_("  Issuer: {issuer} ({kind})").format(issuer=result.issuer, kind=kind))
    if result.fingerprint:
        print(_("  Signer's fingerprint: {fp}").format(fp=result.fingerprint))
    if result.payload and result.outcome is not Outcome.ALTERED:
        for line in readable.text_lines(readable.describe(result.payload, signer=signer,
                                                          fingerprint=result.fingerprint or "")):
            print("  " + line)


def cmd_verify(args: argparse.Namespace) -> int:
    try:
        contents = verifier.read_contents(Path(args.file))
    except verifier.NotReadable as exc:
        warn(str(exc))
        return EXIT_OTHER
    if not contents.cards:
        warn(_("The file holds a key but no card: use familyfile trust add to trust a key."))
        return EXIT_OTHER
    results = verifier.verify_contents(contents, verifier.load_trust(args.trust_store))
    code = exit_code(results)
    if args.json:
        print_json({"exit_code": code, "cards": [_result_json(r) for r in results]})
    else:
        for number, result in enumerate(results, 1):
            _print_result(number, result, verifier.signer_name(contents, result.kid))
    sys.stdout.flush()
    return code


# -- parser -----------------------------------------------------------------------------------
def register(sub: argparse._SubParsersAction) -> None:
    key = sub.add_parser("key", help=_("this family file's signing key for cards"))
    key_sub = key.add_subparsers(dest="key_command", required=True)
    show = key_sub.add_parser("show", help=_("show the key's fingerprint and id"))
    show.add_argument("path", type=Path)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_key_show)
    export = key_sub.add_parser("export", help=_("save the public key (JWK)"))
    export.add_argument("path", type=Path)
    export.add_argument("out", type=Path)
    export.set_defaults(handler=cmd_key_export)
    rotate = key_sub.add_parser("rotate", help=_("make a new signing key (the old one is kept)"))
    rotate.add_argument("path", type=Path)
    rotate.set_defaults(handler=cmd_key_rotate)

    trust = sub.add_parser("trust", help=_("keys you trust when verifying cards"))
    trust_sub = trust.add_subparsers(dest="trust_command", required=True)
    add = trust_sub.add_parser(
        "add", help=_("trust the key in a key card, share file, JWK, JWKS, QR image or PDF"))
    add.add_argument("file", type=Path)
    add.add_argument("--issuer", help=_("whose key it is, for a JWK or JWKS (an https:// issuer)"))
    add.add_argument("--kid", help=_("which key of a JWKS"))
    add.add_argument("--replace", action="store_true", help=_("replace a different key trusted before"))
    listing = trust_sub.add_parser("list", help=_("list the trusted keys"))
    listing.add_argument("--json", action="store_true")
    for parser, handler in ((add, cmd_trust_add), (listing, cmd_trust_list)):
        parser.add_argument("--trust-store", type=Path, metavar="DIR", default=None)
        parser.set_defaults(handler=handler)

    verify = sub.add_parser("verify", help=_("verify a signed card, share file, QR image or PDF"),
                            epilog=_VERIFY_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    verify.add_argument("file", type=Path)
    verify.add_argument("--trust-store", type=Path, metavar="DIR", default=None)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_verify)
