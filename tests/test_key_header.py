from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile import errors
from familyfile.store import key_header as kh
from familyfile.store import recovery_key
from tests.conftest import FAST_KDF


def _header(passphrase: str = "pw", secret: bytes | None = None) -> tuple[kh.KeyHeader, bytes, bytes]:
    secret = secret or recovery_key.generate()
    data_key = kh.data_key_from_recovery(secret)
    header = kh.KeyHeader.create(file_id=os.urandom(16).hex(), data_key=data_key,
                                 passphrase=passphrase, recovery_secret=secret, kdf=FAST_KDF)
    return header, data_key, secret


def test_production_kdf_is_not_below_the_floor() -> None:
    assert kh.PRODUCTION_KDF.memory_kib >= kh.KDF_FLOOR_MEMORY_KIB == 64 * 1024
    assert kh.PRODUCTION_KDF.iterations >= kh.KDF_FLOOR_ITERATIONS == 3


@settings(max_examples=25, deadline=None)
@given(passphrase=st.text(min_size=1, max_size=40), generation=st.integers(1, 10**9))
def test_header_round_trips_and_unwraps(passphrase: str, generation: int) -> None:
    header, data_key, secret = _header(passphrase)
    header = header.with_generation(generation)
    again = kh.KeyHeader.from_bytes(header.to_bytes())
    assert again == header
    assert again.unwrap_with_passphrase(passphrase) == data_key
    assert again.unwrap_with_recovery(secret) == data_key


def test_wrong_passphrase_and_wrong_recovery_key_are_refused() -> None:
    header, _, _ = _header("right")
    with pytest.raises(errors.WrongPassphraseError):
        header.unwrap_with_passphrase("wrong")
    with pytest.raises(errors.WrongRecoveryKeyError):
        header.unwrap_with_recovery(recovery_key.generate())


def test_rewrap_keeps_the_data_key_and_drops_the_old_passphrase() -> None:
    header, data_key, secret = _header("old")
    new = header.rewrap_passphrase(data_key, "new")
    assert new.generation == header.generation + 1
    assert new.unwrap_with_passphrase("new") == data_key
    assert new.unwrap_with_recovery(secret) == data_key
    with pytest.raises(errors.WrongPassphraseError):
        new.unwrap_with_passphrase("old")


def test_a_changed_byte_makes_the_header_unreadable_not_a_wrong_passphrase() -> None:
    header, _, _ = _header()
    data = bytearray(header.to_bytes())
    index = data.index(b'"generation"') + 14
    data[index] = ord("9") if data[index] != ord("9") else ord("8")
    with pytest.raises(ValueError):
        kh.KeyHeader.from_bytes(bytes(data))


def test_kdf_parameters_cannot_be_swapped_without_detection() -> None:
    header, _, _ = _header("pw")
    from dataclasses import replace

    weaker = replace(header, kdf=kh.KdfParams(8 * 1024, 1, 2))
    with pytest.raises(errors.WrongPassphraseError):
        weaker.unwrap_with_passphrase("pw")


def test_mirror_is_used_when_the_header_is_damaged(tmp_path: Path) -> None:
    db = tmp_path / "f.familyfile"
    header, _, _ = _header()
    kh.write_header(db, header)
    kh.header_path(db).write_bytes(b"{ not json")
    assert kh.read_header(db) == header
    kh.mirror_path(db).unlink()
    with pytest.raises(errors.KeyHeaderMissingError):
        kh.read_header(db)


def test_header_files_are_private(tmp_path: Path) -> None:
    db = tmp_path / "f.familyfile"
    kh.write_header(db, _header()[0])
    assert kh.header_path(db).stat().st_mode & 0o777 == 0o600
    assert kh.mirror_path(db).stat().st_mode & 0o777 == 0o600


def test_key_id_names_the_key_without_revealing_it() -> None:
    header, data_key, _ = _header()
    assert header.key_id == kh.key_id(data_key)
    assert data_key.hex()[:16] not in header.to_bytes().decode()
