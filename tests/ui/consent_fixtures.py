"""The consenting family as fixtures, for a test module to import:
``from tests.ui.consent_fixtures import consenting_family_fixture, own_session_fixture`` (they are
then the ``family`` and ``session`` fixtures of that module)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from familyfile.services import session as sessions
from tests.ui.consent_family import Family, consenting_child, open_session


@pytest.fixture(name="session")
def own_session_fixture(tmp_path: Path) -> Iterator[sessions.FamilySession]:
    """A family file of the test's own, closed at the end."""
    opened = open_session(tmp_path / "f.familyfile")
    yield opened
    opened.close()


@pytest.fixture(name="family")
def consenting_family_fixture(session: sessions.FamilySession) -> Family:
    """The consenting family (services, consents, marked entries) in ``session``."""
    return consenting_child(session)
