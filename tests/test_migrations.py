"""Numbered migrations: applied in one transaction each, backed up first, newer files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyfile import errors
from familyfile.messages import user_message
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from familyfile.store import migrations
from familyfile.store.database import connect
from tests.conftest import MARKER_GIVEN, PASSPHRASE


def _raw(path: Path):  # noqa: ANN202 - a raw connection for planting states
    key = kh.read_header(path).unwrap_with_passphrase(PASSPHRASE)
    return connect(path, key)


def test_files_are_numbered_without_gaps_and_new_files_are_at_the_latest(closed_family: Path) -> None:
    found = migrations.available()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    conn = _raw(closed_family)
    assert migrations.current_version(conn) == migrations.latest_version()
    conn.close()


def test_a_file_from_a_newer_program_is_refused_untouched(closed_family: Path) -> None:
    conn = _raw(closed_family)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    conn.close()
    before = closed_family.read_bytes()
    with pytest.raises(errors.NewerVersionError) as caught:
        sessions.unlock(closed_family, PASSPHRASE)
    assert "newer version of Family File" in user_message(caught.value)
    assert closed_family.read_bytes() == before


def _with_extra(monkeypatch: pytest.MonkeyPatch, sql: str) -> None:
    real = migrations.available()
    extra = migrations.Migration(len(real) + 1, f"{len(real) + 1:04d}_test.sql", sql)
    monkeypatch.setattr(migrations, "available", lambda: [*real, extra])


def test_upgrade_keeps_data_and_backs_up_first(closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_extra(monkeypatch, "ALTER TABLE child ADD COLUMN known_as TEXT;")
    opened = sessions.unlock(closed_family, PASSPHRASE)
    assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
    assert "before-migration" in {b.reason for b in opened.backups()}
    opened.close()
    conn = _raw(closed_family)
    assert migrations.current_version(conn) == migrations.latest_version()
    assert "known_as" in [r[1] for r in conn.execute("PRAGMA table_info(child)")]
    conn.close()


def test_a_failing_migration_changes_nothing(closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    version_before = len(migrations.available())
    _with_extra(monkeypatch, "ALTER TABLE child ADD COLUMN half TEXT;\nTHIS IS NOT SQL;")
    with pytest.raises(errors.FamilyFileError):
        sessions.unlock(closed_family, PASSPHRASE)
    monkeypatch.undo()
    conn = _raw(closed_family)
    assert migrations.current_version(conn) == version_before
    assert "half" not in [r[1] for r in conn.execute("PRAGMA table_info(child)")]
    conn.close()
    sessions.unlock(closed_family, PASSPHRASE).close()
