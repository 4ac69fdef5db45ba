"""Shared helpers for the reliability tests: real files, real processes, real CLI runs."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from familyfile.store import backup
from familyfile.store import key_header as kh
from familyfile.store.database import connect, integrity_problems, table_counts

REPO = Path(__file__).resolve().parents[2]
CHILD_SCRIPT = Path(__file__).with_name("_child.py")
PAGE = 4096

#: The sentences the CLI prints (from familyfile.messages); spelled out here on purpose,
#: so a changed or missing sentence fails the test.
WRONG_PASSPHRASE_TEXT = "That passphrase is not right. Check Caps Lock and try again."
DAMAGED_TEXT = ("The family file is damaged and cannot be read. Your passphrase is right. "
                "The damaged file has been kept; you can restore the newest backup.")
KEY_HEADER_MISSING_TEXT = ("The key file that goes with this family file is missing or damaged. "
                           "Use the recovery key from your recovery sheet to open it.")
LOCKED_TEXT = ("This family file is open in another copy of Family File. "
               "Close it there first, then try again.")
DISK_FULL_PREFIX = "Not saved: the disk is full"
WRONG_RECOVERY_KEY_TEXT = ("That recovery key is not right. Check each group against your "
                           "recovery sheet.")


# -- files ------------------------------------------------------------------------------------
def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def flip_byte(path: Path, offset: int) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        old = f.read(1)
        assert len(old) == 1, f"offset {offset} is beyond the end of {path}"
        f.seek(offset)
        f.write(bytes([old[0] ^ 0xFF]))
        f.flush()
        os.fsync(f.fileno())


def page_count(path: Path) -> int:
    size = Path(path).stat().st_size
    assert size % PAGE == 0
    return size // PAGE


def db_files(path: Path) -> dict[str, bytes]:
    """The database and whatever journal files sit beside it, by suffix."""
    found = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            found[suffix] = candidate.read_bytes()
    return found


def data_key(path: Path, passphrase: str) -> bytes:
    return kh.read_header(path).unwrap_with_passphrase(passphrase)


def final_backup_names(folder: Path) -> set[str]:
    """Files under a final backup name (a backup or a backup's key header)."""
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.iterdir()
            if backup.parse_name(p) is not None or p.name.endswith(backup.KEYS_SUFFIX)}


def assert_backup_sound(info: backup.BackupInfo, passphrase: str) -> dict[str, int]:
    """The backup's own key header opens it with ``passphrase``; every check passes."""
    header = kh.KeyHeader.from_bytes(info.keys_path.read_bytes())
    key = header.unwrap_with_passphrase(passphrase)
    backup.verify_copy(info.path, key)
    conn = connect(info.path, key, journal_mode=None)
    try:
        assert integrity_problems(conn) == [], info.name
        return table_counts(conn)
    finally:
        conn.close()


def fill_disk(folder: Path, leave_pages: int = 0) -> Path:
    """Fill the file system holding ``folder``; then give back ``leave_pages`` 4 KiB pages."""
    filler = folder / "filler"
    with open(filler, "ab", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * PAGE)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    if leave_pages:
        os.truncate(filler, max(0, filler.stat().st_size - leave_pages * PAGE))
    return filler


def make_big_family(path: Path, passphrase: str, kdf: kh.KdfParams, *, children: int = 800,
                    log_rows: int = 150, name_length: int = 90) -> int:
    """A family file of many pages (children, then activity-log rows), closed, with its
    on-close backup. Returns the number of children."""
    from datetime import UTC, date, datetime

    from familyfile.domain.child import Child
    from familyfile.domain.ids import new_child_id
    from familyfile.store import children as child_rows
    from familyfile.store.vault import Vault

    vault, _secret = Vault.create(path, passphrase, kdf=kdf)
    now = datetime.now(UTC)
    with vault.write() as conn:
        for n in range(children):
            name = f"Child{n:05d}".ljust(name_length, "x")
            child_rows.add(conn, Child(new_child_id(), name, name[::-1], date(2020, 1, 1)), now)
    for n in range(log_rows):
        vault.log("filler", {"n": n})
    vault.close()
    return children


# -- the command line -------------------------------------------------------------------------
@dataclass
class CliResult:
    returncode: int
    raw_stdout: bytes
    raw_stderr: bytes

    @property
    def stdout(self) -> str:
        return self.raw_stdout.decode("utf-8", "replace")

    @property
    def stderr(self) -> str:
        return self.raw_stderr.decode("utf-8", "replace")


def child_env(*, passphrase: str | None = None, **extra: str) -> dict[str, str]:
    """The test's environment (its private FAMILYFILE_HOME) plus what the child needs."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FAMILYFILE_PASSPHRASE", "FAMILYFILE_NEW_PASSPHRASE",
                                "FAMILYFILE_RECOVERY_KEY", "FAMILYFILE_TEST_"))}
    assert "FAMILYFILE_HOME" in env
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if passphrase is not None:
        env["FAMILYFILE_PASSPHRASE"] = passphrase
    env.update(extra)
    return env


def run_cli(*args: str | Path, passphrase: str | None = None, timeout: float = 60,
            **extra_env: str) -> CliResult:
    """``python -m familyfile ARGS`` in a real process, stdin not a terminal."""
    done = subprocess.run(
        [sys.executable, "-m", "familyfile", *map(str, args)], cwd=REPO,
        env=child_env(passphrase=passphrase, **extra_env), stdin=subprocess.DEVNULL,
        capture_output=True, timeout=timeout, check=False,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def assert_plain_failure(result: CliResult, code: int, sentence: str) -> None:
    """Exit ``code``, exactly ``sentence`` on stderr, nothing on stdout, no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == sentence, result.stderr
    assert result.stdout == "", result.stdout


# -- child processes --------------------------------------------------------------------------
class Child:
    """A helper script in its own process; its stdout lines are collected as they come."""

    def __init__(self, *args: str | Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD_SCRIPT), *map(str, args)], cwd=REPO, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self.lines: list[str] = []
        self.stdout_bytes = bytearray()
        self.stderr_bytes = bytearray()
        self._changed = threading.Condition()
        self._readers = [threading.Thread(target=self._read_stdout, daemon=True),
                         threading.Thread(target=self._read_stderr, daemon=True)]
        for reader in self._readers:
            reader.start()

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            with self._changed:
                self.stdout_bytes.extend(raw)
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            self.stderr_bytes.extend(raw)

    @property
    def stderr(self) -> str:
        return self.stderr_bytes.decode("utf-8", "replace")

    def wait_for(self, line: str, timeout: float = 30) -> None:
        """Wait until the child printed ``line``; fail with its stderr if it died first."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while line not in self.lines:
                if self.proc.poll() is not None and not self._readers[0].is_alive():
                    raise AssertionError(f"child exited ({self.proc.returncode}) before "
                                         f"{line!r}: {self.stderr}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"child did not print {line!r}: {self.stderr}")
                self._changed.wait(min(left, 0.05))

    def wait_for_count(self, prefix: str, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while sum(1 for x in self.lines if x.startswith(prefix)) < count:
                if self.proc.poll() is not None and not self._readers[0].is_alive():
                    raise AssertionError(f"child exited early: {self.stderr}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"child printed too few {prefix!r}: {self.stderr}")
                self._changed.wait(min(left, 0.05))

    def kill9(self) -> None:
        """``kill -9``, then wait for the process and drain its output."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode == -signal.SIGKILL, (self.proc.returncode, self.stderr)
        self._join()

    def finish(self, timeout: float = 30) -> int:
        """Close stdin and wait for a clean exit."""
        assert self.proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.close()
        code = self.proc.wait(timeout=timeout)
        self._join()
        return code

    def _join(self) -> None:
        for reader in self._readers:
            reader.join(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def acks(self) -> list[str]:
        with self._changed:
            return [x.split(" ", 1)[1] for x in self.lines if x.startswith("ack ")]

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        self._join()
