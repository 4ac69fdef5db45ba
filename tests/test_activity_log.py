"""The hash-chained activity log: append-only, and any edit, deletion or cut is detected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familyfile.store import activity_log, migrations
from familyfile.store.database import IntegrityError, connect


def _fresh(tmp: Path):  # noqa: ANN202
    conn = connect(tmp, b"k" * 32)
    for step in migrations.available():
        migrations.apply(conn, step)
    return conn


def _fill(conn, kinds: list[str]) -> None:  # noqa: ANN001
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i, kind in enumerate(kinds):
        activity_log.append(conn, at=start + timedelta(minutes=i), kind=kind, actor="parent",
                            detail={"n": i})


def test_triggers_refuse_update_and_delete(tmp_path: Path) -> None:
    conn = _fresh(tmp_path / "a.db")
    _fill(conn, ["unlocked", "backup"])
    with pytest.raises(IntegrityError):
        conn.execute("UPDATE activity_log SET kind = 'x' WHERE seq = 1")
    with pytest.raises(IntegrityError):
        conn.execute("DELETE FROM activity_log WHERE seq = 1")
    assert activity_log.verify(conn) == []


tamper = st.sampled_from(["edit", "delete", "delete-last", "insert"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(["unlocked", "backup", "restored", "passphrase-changed"]),
                      min_size=2, max_size=12),
       how=tamper, pick=st.integers(0, 100))
def test_any_tampering_is_detected(tmp_path_factory: pytest.TempPathFactory, kinds: list[str],
                                   how: str, pick: int) -> None:
    conn = _fresh(tmp_path_factory.mktemp("log") / "a.db")
    _fill(conn, kinds)
    assert activity_log.verify(conn) == []
    seq = pick % len(kinds) + 1
    conn.execute("DROP TRIGGER activity_log_no_update")
    conn.execute("DROP TRIGGER activity_log_no_delete")
    if how == "edit":
        conn.execute("UPDATE activity_log SET detail = '{\"n\":-1}' WHERE seq = ?", (seq,))
    elif how == "delete":
        conn.execute("DELETE FROM activity_log WHERE seq = ?", (seq,))
    elif how == "delete-last":
        conn.execute("DELETE FROM activity_log WHERE seq = ?", (len(kinds),))
    else:
        conn.execute("INSERT INTO activity_log VALUES (?, '2026-01-01T00:00:00Z', 'forged', 'parent',"
                     " '{}', ?, ?)", (len(kinds) + 1, "0" * 64, "f" * 64))
    assert activity_log.verify(conn) != []
    conn.close()


def test_entries_read_back_in_order(tmp_path: Path) -> None:
    conn = _fresh(tmp_path / "a.db")
    _fill(conn, ["unlocked", "backup", "restored"])
    assert [e.kind for e in activity_log.entries(conn)] == ["unlocked", "backup", "restored"]
    assert [e.kind for e in activity_log.entries(conn, kinds=("backup",))] == ["backup"]
