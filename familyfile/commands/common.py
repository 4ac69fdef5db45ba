"""What every command shares: exit codes, secrets from the environment or a terminal,
opening a family file, printing JSON, and warnings on stderr."""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from familyfile import errors
from familyfile.i18n import _
from familyfile.services import passphrase as passphrase_rules
from familyfile.services import session as sessions

EXIT_OK, EXIT_OTHER, EXIT_WRONG_SECRET, EXIT_DAMAGED, EXIT_LOCKED = 0, 1, 2, 3, 4

ENV_PASSPHRASE = "FAMILYFILE_PASSPHRASE"  # noqa: S105 (a variable name)
ENV_NEW_PASSPHRASE = "FAMILYFILE_NEW_PASSPHRASE"  # noqa: S105
ENV_RECOVERY_KEY = "FAMILYFILE_RECOVERY_KEY"


class CliError(errors.FamilyFileError):
    """A problem with how the command was used; its text is already a sentence."""

    def __init__(self, sentence: str) -> None:
        super().__init__("cli")
        self.sentence = sentence


def exit_code_for(exc: BaseException) -> int:
    if isinstance(exc, errors.WrongPassphraseError | errors.WrongRecoveryKeyError):
        return EXIT_WRONG_SECRET
    if isinstance(exc, errors.DamagedFileError | errors.KeyHeaderMissingError):
        return EXIT_DAMAGED
    if isinstance(exc, errors.LockedError):
        return EXIT_LOCKED
    return EXIT_OTHER


# -- secrets from the environment or a terminal ---------------------------------------------
def secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(_("No passphrase given: set {env} or run this in a terminal.").format(env=env))
    return getpass.getpass(prompt)


def current_passphrase() -> str:
    return secret(ENV_PASSPHRASE, _("Passphrase: "))


def new_passphrase(env: str) -> str:
    value = os.environ.get(env)
    if value is None:
        value = secret(env, _("New passphrase: "))
        confirm = getpass.getpass(_("The new passphrase again: "))
    else:
        confirm = value
    problems = passphrase_rules.check_new(value, confirm)
    if problems:
        raise problems[0]
    return value


def warn(text: str) -> None:
    print(text, file=sys.stderr)


def open_session_plain(path: Path) -> sessions.FamilySession:
    opened = sessions.unlock(path, current_passphrase())
    report_warnings(opened)
    return opened


def report_warnings(opened: sessions.FamilySession, *, accept: bool = True) -> None:
    if sessions.OLDER_COPY in opened.warnings:
        warn(_("Warning: this family file is older than the copy last opened here. "
                "If you did not put an older copy back on purpose, look at the backups."))
        if accept:
            opened.accept_older_copy()
    if sessions.SYNC_FOLDER in opened.warnings:
        warn(_("Warning: this family file is in a cloud-sync folder. Two computers changing it "
                "at once can damage it."))




@contextmanager
def open_session(path: Path) -> Iterator[sessions.FamilySession]:
    """Unlock with the passphrase from the environment or a prompt; always closed after."""
    opened = open_session_plain(path)
    try:
        yield opened
    finally:
        opened.close()


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=1, ensure_ascii=False, sort_keys=False, default=str))
