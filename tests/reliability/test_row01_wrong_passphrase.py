"""Row 1: a wrong passphrase gets a plain sentence, shows no data, and costs the full KDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyfile import errors
from familyfile.messages import user_message
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from tests.conftest import FAST_KDF, MARKER_FAMILY, MARKER_GIVEN, PASSPHRASE
from tests.reliability._helpers import (
    WRONG_PASSPHRASE_TEXT,
    assert_plain_failure,
    db_files,
    run_cli,
    sha256,
)

WRONG = ["tulip-bicycle-harbour-43", "Tulip-bicycle-harbour-42", "", "x" * 300]


class KdfSpy:
    """Wraps argon2's hash_secret_raw and records the parameters of each call."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.calls: list[dict[str, object]] = []

    def __call__(self, secret: bytes, salt: bytes, **params: object) -> bytes:
        self.calls.append({"salt": salt, **params})
        return self.real(secret, salt, **params)  # type: ignore[operator]


def test_wrong_passphrase_is_refused_with_the_full_kdf_every_time(
        closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    header = kh.read_header(closed_family)
    assert header.kdf == FAST_KDF
    before = db_files(closed_family)
    spy = KdfSpy(kh.hash_secret_raw)
    monkeypatch.setattr(kh, "hash_secret_raw", spy)

    for attempt, wrong in enumerate(WRONG, start=1):
        with pytest.raises(errors.WrongPassphraseError) as caught:
            sessions.unlock(closed_family, wrong)
        assert not isinstance(caught.value, errors.DamagedFileError)
        assert user_message(caught.value) == WRONG_PASSPHRASE_TEXT
        assert MARKER_GIVEN not in str(caught.value)
        # One full Argon2id run per attempt, with the parameters stored in the header
        # (no cached key, no cheaper shortcut).
        assert len(spy.calls) == attempt
        call = spy.calls[-1]
        assert call["salt"] == header.salt
        assert call["memory_cost"] == header.kdf.memory_kib
        assert call["time_cost"] == header.kdf.iterations
        assert call["parallelism"] == header.kdf.lanes
        assert call["hash_len"] == 32

    # The failed attempts changed nothing on disk and left no lock behind.
    assert db_files(closed_family) == before
    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
    finally:
        opened.close()
    assert len(spy.calls) == len(WRONG) + 1


def test_kdf_cost_follows_the_header_not_a_default(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A file made with other parameters is unlocked (and refused) with those parameters."""
    other = kh.KdfParams(memory_kib=FAST_KDF.memory_kib * 2, iterations=2, lanes=1)
    path = tmp_path / "other.familyfile"
    sessions.create(path, PASSPHRASE, kdf=other).close()
    spy = KdfSpy(kh.hash_secret_raw)
    monkeypatch.setattr(kh, "hash_secret_raw", spy)
    for _ in range(3):
        with pytest.raises(errors.WrongPassphraseError):
            sessions.unlock(path, PASSPHRASE + "!")
    assert [(c["memory_cost"], c["time_cost"], c["parallelism"]) for c in spy.calls] == [
        (other.memory_kib, other.iterations, other.lanes)] * 3


def test_cli_check_with_a_wrong_passphrase_exits_2_with_one_plain_sentence(
        closed_family: Path) -> None:
    digest = sha256(closed_family)
    for wrong in WRONG[:2]:
        result = run_cli("check", closed_family, passphrase=wrong)
        assert_plain_failure(result, 2, WRONG_PASSPHRASE_TEXT)
        for secret in (MARKER_GIVEN, MARKER_FAMILY, PASSPHRASE):
            assert secret.encode() not in result.raw_stdout + result.raw_stderr
    # Other commands that would show data refuse the same way.
    listed = run_cli("child", "list", closed_family, "--json", passphrase=WRONG[0])
    assert_plain_failure(listed, 2, WRONG_PASSPHRASE_TEXT)
    assert sha256(closed_family) == digest
    good = run_cli("check", closed_family, passphrase=PASSPHRASE)
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith("Healthy:")
