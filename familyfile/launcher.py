"""The ``familyfile`` command's entry point: starts the desktop app straight away, and
loads the command line (every section's commands) only when a command is given."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (len(args) == 2 and args[0] == "open" and not args[1].startswith("-")):
        os.umask(0o077)
        from familyfile.app import run

        return run(Path(args[1]) if args else None)
    if args in (["--verifier"], ["verify-window"]):  # the card verifier, without a family file
        os.umask(0o077)
        from familyfile.app import run_verifier

        return run_verifier()
    from familyfile.cli import main as cli_main

    return cli_main(args)
