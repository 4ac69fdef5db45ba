"""The first run's headless steps (the Qt wizard only draws them)."""

from __future__ import annotations

from pathlib import Path

from familyfile.domain.child import ChildDraft
from familyfile.services import locations
from familyfile.services import session as sessions
from familyfile.services.first_run import FirstRun
from familyfile.store import recovery_key
from tests.conftest import FAST_KDF, PASSPHRASE


def test_the_whole_first_run(tmp_path: Path) -> None:
    steps = FirstRun(kdf=FAST_KDF)
    assert steps.path == locations.default_family_file()
    assert steps.set_path(tmp_path / "ours.familyfile") == []
    assert [p.code for p in steps.set_passphrase("short", "short")] == ["passphrase-short"]
    assert [p.code for p in steps.set_passphrase(PASSPHRASE, PASSPHRASE + "x")] == ["passphrase-mismatch"]
    assert steps.set_passphrase(PASSPHRASE, PASSPHRASE) == []
    assert not steps.ready
    wrong = "0000" if recovery_key.groups(steps.secret)[steps.confirm_group - 1] != "0000" else "1111"
    assert [p.code for p in steps.confirm_sheet(wrong)] == ["recovery-confirm-mismatch"]
    group = recovery_key.groups(steps.secret)[steps.confirm_group - 1]
    assert steps.confirm_sheet(group.lower()) == []
    assert [p.field for p in steps.set_child(ChildDraft("", "Okafor", "2024-03-01"))] == ["given_name"]
    assert steps.set_child(ChildDraft("Amara", "Okafor", "2024-03-01")) == []
    assert steps.ready
    opened = steps.finish()
    assert [c.given_name for c in opened.children()] == ["Amara"]
    opened.close()
    assert locations.load_settings().recent_files == [str((tmp_path / "ours.familyfile").resolve())]
    again, _ = sessions.recover(tmp_path / "ours.familyfile", steps.recovery_key_text, PASSPHRASE + "!")
    again.close()


def test_nothing_is_written_before_finish(tmp_path: Path) -> None:
    steps = FirstRun(kdf=FAST_KDF)
    steps.set_path(tmp_path / "f.familyfile")
    steps.set_passphrase(PASSPHRASE, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_path_is_refused(closed_family: Path) -> None:
    assert [p.code for p in FirstRun(kdf=FAST_KDF).set_path(closed_family)] == ["path-exists"]


def test_the_confirm_group_is_one_of_the_secret_groups() -> None:
    seen = {FirstRun(kdf=FAST_KDF).confirm_group for _ in range(200)}
    assert seen <= set(range(1, recovery_key.SECRET_GROUPS + 1)) and len(seen) > 3
