"""A family file made by the first release (schema version 1: the vault's tables and
children only) opens in this program: it is migrated to the latest version after a
verified "before-migration" backup, everything it held survives, the new tables work,
and the backup still opens at version 1."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from familyfile.clock import FixedClock
from familyfile.domain.child import ChildDraft
from familyfile.domain.growth import GrowthDraft
from familyfile.domain.journal import ObservationDraft
from familyfile.services import about_me, family, growth, journal, journal_photos
from familyfile.services import session as sessions
from familyfile.store import activity_log, backup, migrations
from familyfile.store import key_header as kh
from familyfile.store.database import Connection, connect
from tests.conftest import FAST_KDF, PASSPHRASE

V1_CHILDREN = (("Zephyrine", "Quillfeather", "2024-03-01"), ("Barnaby", "Quillfeather", "2022-11-30"),
               ("Orla", "Quillfeather", "2025-07-14"))


@contextmanager
def release_1(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The program as the first release was: only migration 0001."""
    first = migrations.available()[:1]
    assert first[0].version == 1
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "available", lambda: list(first))
        yield


def _raw(path: Path, keys: Path | None = None) -> Connection:
    """A read-only look at a database (no journal-mode change, nothing written)."""
    header = kh.KeyHeader.from_bytes((keys or kh.header_path(path)).read_bytes())
    return connect(path, header.unwrap_with_passphrase(PASSPHRASE), journal_mode=None)


def _tables(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


@pytest.fixture
def v1_file(family_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list, list]:
    """A version-1 family file with three children (one archived) and a few opens,
    backups and closes in its activity log; returns the path, children and log."""
    clock = FixedClock(datetime(2025, 9, 1, 9, tzinfo=UTC))
    with release_1(monkeypatch):
        opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, clock=clock)
        for given, family_name, born in V1_CHILDREN:
            opened.add_child(ChildDraft(given, family_name, born))
        opened.backup_now("manual")
        opened.close()
        clock.advance(timedelta(days=3))
        opened = sessions.unlock(family_path, PASSPHRASE, clock=clock)
        family.archive_child(opened, opened.find_child("Orla").id)
        opened.close()
        clock.advance(timedelta(days=40))
        opened = sessions.unlock(family_path, PASSPHRASE, clock=clock)
        children = opened.children() + family.archived_children(opened)
        log = [(a.at_utc, a.kind, a.actor) for a in opened.activity()]
        assert opened.check() == []
        opened.close()
    conn = _raw(family_path)
    try:
        assert migrations.current_version(conn) == 1
        assert "entry" not in _tables(conn) and "child" in _tables(conn)
    finally:
        conn.close()
    return family_path, children, log


def _picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (46, 204, 113)).save(out, format="PNG")
    return out.getvalue()


def test_a_version_1_file_is_migrated_with_everything_kept(v1_file) -> None:
    path, children_before, log_before = v1_file
    assert migrations.latest_version() > 1
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        # Backed up first, and the backup was verified before it got its name.
        made = [b for b in opened.backups() if b.reason == "before-migration"]
        assert len(made) == 1
        info = made[0]
        header = kh.KeyHeader.from_bytes(info.keys_path.read_bytes())
        backup.verify_copy(info.path, header.unwrap_with_passphrase(PASSPHRASE))

        # Every child of version 1 is there, the archived one still archived.
        now = opened.children() + family.archived_children(opened)
        assert now == children_before
        assert [c.given_name for c in family.archived_children(opened)] == ["Orla"]

        # The activity log of version 1 is kept as it was (and its chain still checks out).
        log_now = [(a.at_utc, a.kind, a.actor) for a in opened.activity()]
        assert log_now[:len(log_before)] == log_before
        assert log_now[len(log_before)] == (log_now[len(log_before)][0], "unlocked", "parent")

        # The tables added since version 1 work.
        zeph = opened.find_child("Zephyrine").id
        entry = journal.add(opened, zeph, ObservationDraft(
            "2025-10-01", "physical", "Climbed the slide ladder on her own.", "First slide",
            True), [journal_photos.prepare(_picture())])
        assert [e.id for e in journal.timeline(opened, zeph)] == [entry.id]
        assert [e.id for e in journal.search(opened, zeph, "slide ladder")] == [entry.id]
        assert len(journal.photos_of(opened, entry.id)) == 1
        about_me.update_about_me(opened, zeph, sex="female", known_as="Zeph")
        row = growth.add(opened, zeph, GrowthDraft("2025-10-01", weight_kg="9.6", height_cm="76"))
        assert row.result.centiles["weight"].corrected_centile is not None
        assert [r.entry.id for r in growth.list_measurements(opened, zeph)] == [row.entry.id]
        assert opened.check() == []
    finally:
        opened.close()

    conn = _raw(path)
    try:
        assert migrations.current_version(conn) == migrations.latest_version()
        assert {"entry", "entry_history", "photo", "journal_search"} <= _tables(conn)
        assert activity_log.verify(conn) == []
    finally:
        conn.close()


def test_the_before_migration_backup_still_opens_at_version_1(v1_file, tmp_path,
                                                               monkeypatch) -> None:
    path, children_before, log_before = v1_file
    sessions.unlock(path, PASSPHRASE).close()
    info = next(b for b in sessions.backups_of(path) if b.reason == "before-migration")

    conn = _raw(info.path, info.keys_path)
    try:
        assert migrations.current_version(conn) == 1
        assert "entry" not in _tables(conn)
        assert conn.execute("SELECT count(*) FROM child").fetchone()[0] == len(V1_CHILDREN)
        assert [(e.at_utc, e.kind, e.actor) for e in activity_log.entries(conn)] == log_before
    finally:
        conn.close()

    # The first release itself opens a copy of it, unchanged.
    copy = tmp_path / "elsewhere" / "restored.familyfile"
    copy.parent.mkdir()
    shutil.copyfile(info.path, copy)
    shutil.copyfile(info.keys_path, kh.header_path(copy))
    with release_1(monkeypatch):
        opened = sessions.unlock(copy, PASSPHRASE)
        try:
            assert opened.children() + family.archived_children(opened) == children_before
            assert opened.check() == []
            assert not [b for b in opened.backups() if b.reason == "before-migration"]
        finally:
            opened.close()
    conn = _raw(copy)
    try:
        assert migrations.current_version(conn) == 1
    finally:
        conn.close()


def test_the_migration_happens_once(v1_file) -> None:
    path, _children, _log = v1_file
    sessions.unlock(path, PASSPHRASE).close()
    sessions.unlock(path, PASSPHRASE).close()
    reasons = [b.reason for b in sessions.backups_of(path)]
    assert reasons.count("before-migration") == 1


def test_the_journal_filters_use_their_indexes(closed_family) -> None:
    """Migration 0004: each journal query gets the index meant for it (SQLite has no
    statistics here, so a badly ordered index would be taken for the plain timeline)."""
    conn = _raw(closed_family)
    try:
        def plan(sql: str, *args: object) -> str:
            return " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, args))

        shown = "child_id = ? AND kind = ? AND archived_utc IS NULL"
        order = " ORDER BY occurred_on DESC, created_utc DESC, id DESC LIMIT 50"
        assert "entry_by_child_kind" in plan(f"SELECT id FROM entry WHERE {shown}{order}", "c", "journal")
        assert "entry_by_area" in plan(
            f"SELECT count(*) FROM entry WHERE {shown} AND json_extract(data, '$.area') = ?",
            "c", "journal", "physical")
        assert "COVERING INDEX entry_by_author" in plan(
            f"SELECT DISTINCT author_kind, author_name FROM entry WHERE {shown}"
            " ORDER BY author_kind, author_name", "c", "journal")
        assert "entry_by_author" in plan(
            f"SELECT id FROM entry WHERE {shown} AND author_kind = ? AND author_name = ?{order}",
            "c", "journal", "key_worker", "Sam")
    finally:
        conn.close()
