"""Fixtures for the reliability tests (the shared ones live in tests/conftest.py)."""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    """Random kill moments, reproducible: the seed is printed (shown when a test fails)."""
    seed = int(os.environ.get("RELIABILITY_SEED") or random.SystemRandom().randrange(2**32))
    print(f"{request.node.nodeid}: RELIABILITY_SEED={seed}")
    return random.Random(seed)


@pytest.fixture
def private_tmpdir(tmp_path: Path) -> Path:
    """A TMPDIR owned by the test, handed to child processes."""
    folder = tmp_path / "tmpdir"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 512 KiB tmpfs, mounted for this test and unmounted afterwards."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a 512 KiB tmpfs needs root (mount -t tmpfs)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs",
                           str(mount_point)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], check=False)

