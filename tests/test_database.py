"""Opening SQLCipher: fail closed, settings applied, quiet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.store import database


def test_refuses_to_run_without_sqlcipher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "cipher_version", lambda conn: "")
    with pytest.raises(errors.NotEncryptedError):
        database.connect(tmp_path / "x.db", os.urandom(32))
    assert not (tmp_path / "x.db").exists() or (tmp_path / "x.db").stat().st_size == 0


def test_settings_from_the_vault_design(tmp_path: Path) -> None:
    conn = database.connect(tmp_path / "x.db", os.urandom(32))
    def value(pragma: str) -> object:
        return conn.execute(f"PRAGMA {pragma}").fetchone()[0]
    assert database.cipher_version(conn)
    assert value("journal_mode") == "wal"
    assert value("synchronous") == 2  # FULL
    assert value("foreign_keys") == 1
    assert value("secure_delete") == 1
    assert value("temp_store") == 2  # MEMORY
    assert str(value("cipher_memory_security")) in ("1", "ON", "on")
    conn.close()


def test_wrong_key_is_a_database_error_and_prints_nothing(tmp_path: Path,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.db"
    conn = database.connect(path, os.urandom(32))
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(database.DatabaseError):
        database.connect(path, os.urandom(32))
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_keys_must_be_256_bits(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        database.connect(tmp_path / "x.db", b"short")


def test_disk_full_is_recognised() -> None:
    assert isinstance(database.translate(database.OperationalError("database or disk is full")),
                      errors.DiskFullError)
    assert isinstance(database.translate(OSError(28, "No space left on device")), errors.DiskFullError)
