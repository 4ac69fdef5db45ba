"""Private, atomic file writes: temporary file (0600) → fsync → rename → fsync folder."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from familyfile import errors
from familyfile.store.database import is_disk_full


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(final: Path) -> Path:
    """A temporary sibling of ``final`` whose name says nothing about its content."""
    return final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")


def write_atomic(final: Path, data: bytes) -> None:
    tmp = temp_name(final)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, final)
        fsync_dir(final.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if is_disk_full(exc):
            raise errors.DiskFullError("disk full") from None
        raise errors.StorageError(type(exc).__name__) from None


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_durably(source: Path, final: Path) -> None:
    """Give an already-written file its final name, durably."""
    fsync_file(source)
    os.replace(source, final)
    fsync_dir(final.parent)
