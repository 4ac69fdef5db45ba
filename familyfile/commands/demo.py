"""``familyfile demo PATH [--open]``: make a sample family file (the Okafor family) to look
around the app with, and optionally start the app on it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from familyfile.commands import common
from familyfile.domain.child import age_text
from familyfile.i18n import _, ngettext
from familyfile.services import demo

EXIT_OK = common.EXIT_OK


def _labels() -> dict[str, str]:
    return {
        "about_me": _("About me"), "alert": _("Critical alerts"), "address": _("Addresses"),
        "birth": _("Birth and newborn"), "journal": _("Journal entries"),
        "milestone": _("Milestones answered"), "growth": _("Growth measurements"),
        "immunisation": _("Immunisations"), "hcp_contact": _("Health visitor contacts"),
        "integrated_review": _("2-year integrated review"),
        "screening_check": _("Hearing and vision checks"), "involvement": _("Involvements"),
        "appointment": _("Appointments"),
    }


def _report(summary: demo.DemoSummary, *, from_environment: bool) -> None:
    print(_("Sample family file made: {path}").format(path=summary.path))
    print(_("Everyone and everything in it is made up (the Okafor family), for trying "
            "Family File."))
    print(_("Carers: {names}.").format(names=", ".join(summary.carers)))
    labels = _labels()
    for child in summary.children:
        print()
        print(_("{name}, born {born} ({age}):").format(
            name=child.name, born=child.date_of_birth.isoformat(),
            age=age_text(child.date_of_birth, summary.made_on)))
        for kind, count in child.counts.items():
            if count:
                print(f"  {labels.get(kind, kind)}: {count}")
        if child.photos:
            print("  " + ngettext("{n} photo in the journal", "{n} photos in the journal",
                                  child.photos).format(n=child.photos))
    print()
    if from_environment:
        print(_("At the unlock screen, type the passphrase that was in {env}.").format(
            env=common.ENV_PASSPHRASE))
    else:
        print(_("At the unlock screen, type the passphrase you have just chosen."))
    print(_("Recovery key of this sample file (only needed if the passphrase is forgotten):"))
    print(summary.recovery_key)


def cmd_demo(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if demo.already_there(path):
        if args.open and demo.is_family_file(path):
            print(_("{path} is already a family file: opening it.").format(path=path))
            return _start_app(path)
        raise common.CliError(_("{path} already exists. Choose a new file name, or add --open "
                                "to open a family file that is already there.").format(path=path))
    from_environment = common.ENV_PASSPHRASE in os.environ
    passphrase = common.new_passphrase(common.ENV_PASSPHRASE)
    print(_("Making the sample family file (a few seconds)…"), flush=True)
    summary = demo.create_demo(path, passphrase)
    _report(summary, from_environment=from_environment)
    if args.open:
        print(_("Starting Family File…"), flush=True)
        return _start_app(path)
    print()
    print(_("Start the app on it with: familyfile open {path}").format(path=path))
    return EXIT_OK


def _start_app(path: Path) -> int:
    from familyfile.app import run

    return run(path)


def register(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser("demo", help=_("make a sample family file to try Family File"))
    command.add_argument("path", type=Path)
    command.add_argument("--open", action="store_true",
                         help=_("then start the app on it (or just open it, if it is already a "
                                "family file)"))
    command.set_defaults(handler=cmd_demo)
