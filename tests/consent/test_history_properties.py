"""Random consent changes through the service: the history only ever grows, the activity
log chain stays whole, and the migration keeps old entries shareable as before."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain import categories as cats
from familyfile.domain.child import ChildDraft
from familyfile.domain.consent import ConsentEvent, Recipient
from familyfile.services import consent
from familyfile.services import session as sessions
from familyfile.store import activity_log, migrations
from familyfile.store.database import IntegrityError, connect
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.consent.conftest import NOW

OPS = st.lists(st.tuples(st.sampled_from(("permit", "deny", "withdraw", "review")),
                         st.sampled_from(cats.CONSENT_CATEGORIES[:3]),
                         st.sampled_from(("Sam Patel", "Jo Reed")),
                         st.integers(0, 20), st.one_of(st.none(), st.integers(0, 30))),
               min_size=1, max_size=12)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_history_is_never_rewritten(tmp_path_factory: pytest.TempPathFactory,
                                    ops: list[tuple[str, str, str, int, int | None]]) -> None:
    clock = FixedClock(NOW)
    opened = sessions.create(tmp_path_factory.mktemp("h") / "f", PASSPHRASE, kdf=FAST_KDF,
                             clock=clock)
    try:
        child = opened.add_child(ChildDraft("Ada", "Quill", "2024-03-01")).id
        before: list[ConsentEvent] = []
        for op, category, name, days, until in ops:
            clock.advance(timedelta(days=days))
            who: Recipient = consent.professional(name)
            ends = opened.today() + timedelta(days=until) if until is not None else None
            try:
                if op == "withdraw":
                    consent.withdraw(opened, child, who, category)
                elif op == "review":
                    consent.review(opened, child, who, category)
                else:
                    consent.set_consent(opened, child, who, category, op, until=ends)
            except errors.ValidationError as exc:
                assert exc.code in ("nothing-to-withdraw", "nothing-to-review")
            stored = consent.events(opened, child)
            assert stored[:len(before)] == before
            assert len(stored) - len(before) <= 1
            before = list(stored)
        shown = [e for e in consent.history(opened, child) if not e.derived]
        assert shown == sorted(before, key=lambda e: (e.at_utc, e.seq))
        logged = activity_log.entries(opened._vault.conn, kinds=("consent",))
        assert [d.detail["event_id"] for d in logged] == [e.id for e in before]
        assert activity_log.verify(opened._vault.conn) == []
    finally:
        opened.close()


def test_migration_keeps_old_entries_at_their_default(tmp_path: Path) -> None:
    conn = connect(tmp_path / "old.db", b"k" * 32)
    steps = migrations.available()
    for step in steps[:2]:
        migrations.apply(conn, step)
    conn.execute("INSERT INTO child VALUES ('c1', 'A', 'B', '2024-01-01', 'x', 'x', NULL)")
    conn.execute("INSERT INTO entry (id, child_id, kind, data, author_kind, created_utc,"
                 " updated_utc) VALUES ('e1', 'c1', 'growth', '{}', 'parent', 'x', 'x')")
    for step in steps[2:]:
        migrations.apply(conn, step)
    assert conn.execute("SELECT sharing FROM entry WHERE id = 'e1'").fetchone()[0] == "default"
    with pytest.raises(IntegrityError):
        conn.execute("UPDATE entry SET sharing = 'public' WHERE id = 'e1'")
