"""Shared test set-up: offscreen Qt (pytest-qt's one shared QApplication), a private
FAMILYFILE_HOME per test, and family files made with cheap KDF parameters."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from familyfile.domain.child import ChildDraft  # noqa: E402
from familyfile.services import session as sessions  # noqa: E402
from familyfile.store.key_header import KdfParams  # noqa: E402

#: Cheap KDF for tests only (production is checked against its floor in test_key_header).
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "tulip-bicycle-harbour-42"
NEW_PASSPHRASE = "lantern-quarry-meadow-77"
MARKER_GIVEN = "Zephyrine"
MARKER_FAMILY = "Quillfeather"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FAMILYFILE_HOME", str(home))
    monkeypatch.delenv("FAMILYFILE_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def family_path(tmp_path: Path) -> Path:
    return tmp_path / "family.familyfile"


@pytest.fixture
def make_family(family_path: Path) -> Iterator[sessions.FamilySession]:
    """A family file with one child (cheap KDF); closed at the end of the test."""
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF)
    opened.add_child(ChildDraft(MARKER_GIVEN, MARKER_FAMILY, "2024-03-01"))
    yield opened
    opened.close()


@pytest.fixture
def closed_family(family_path: Path) -> Path:
    """A family file with one child, closed (so another test step may open it)."""
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF)
    opened.add_child(ChildDraft(MARKER_GIVEN, MARKER_FAMILY, "2024-03-01"))
    opened.close()
    return family_path
