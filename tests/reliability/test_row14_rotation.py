"""Row 14: backup rotation over a simulated 400 days keeps what the policy says (today's
and yesterday's, then 12 daily, 10 weekly, 9 monthly) and never the newest backup away."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.clock import FixedClock
from familyfile.store import backup
from familyfile.store.backup import RotationPolicy, select_to_keep
from familyfile.store.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

POLICY = RotationPolicy()
LONG_TERM = POLICY.daily + POLICY.weekly + POLICY.monthly  # 31
START = date(2025, 1, 1)


def week_of(day: date) -> tuple[int, int]:
    return day.isocalendar()[0], day.isocalendar()[1]


def month_of(day: date) -> tuple[int, int]:
    return day.year, day.month


def months_between(older: date, newer: date) -> list[tuple[int, int]]:
    found, day = [], older
    while day <= newer:
        found.append(month_of(day))
        day += timedelta(days=1)
    return sorted(set(found))


def assert_matches_policy(kept: set[datetime], made: dict[date, list[datetime]],
                          today: date) -> dict[str, int]:
    """Check a kept set against the policy; returns how many of each tier it holds."""
    yesterday = today - timedelta(days=1)
    newest_made = max(t for times in made.values() for t in times)
    assert newest_made in kept, "the newest backup was removed"
    for day in (today, yesterday):
        assert set(made.get(day, [])) <= kept, f"a backup from {day} was removed"

    older = sorted((t for t in kept if t.date() < yesterday), reverse=True)
    days = [t.date() for t in older]
    assert len(days) == len(set(days)), "two backups kept from one earlier day"
    for moment in older:
        assert moment == max(made[moment.date()]), "kept a day's backup that is not its newest"
    assert len(older) <= LONG_TERM

    # Walk the older backups, newest first, through the tiers.
    tiers = {"daily": 0, "weekly": 0, "monthly": 0}
    covered_weeks = {week_of(t.date()) for t in kept if t.date() >= yesterday}
    covered_months = {month_of(t.date()) for t in kept if t.date() >= yesterday}
    for moment in older:
        day = moment.date()
        if tiers["daily"] < POLICY.daily:
            tiers["daily"] += 1
        elif week_of(day) not in covered_weeks and tiers["weekly"] < POLICY.weekly:
            tiers["weekly"] += 1
        elif month_of(day) not in covered_months and tiers["monthly"] < POLICY.monthly:
            tiers["monthly"] += 1
        else:
            raise AssertionError(f"{moment} kept though no tier has room for it")
        covered_weeks.add(week_of(day))
        covered_months.add(month_of(day))

    # Nothing the policy wants is missing: the 12 days before yesterday that had backups…
    earlier_days = sorted((d for d in made if d < yesterday), reverse=True)
    assert days[: POLICY.daily] == earlier_days[: POLICY.daily]
    # …and, with a backup every day, no week (in the weekly span) and no month is lost.
    if older:
        oldest = older[-1].date()
        first_made = min(made)
        span_weeks = {week_of(oldest + timedelta(days=n)) for n in range((today - oldest).days + 1)}
        if tiers["monthly"] == 0 or tiers["weekly"] < POLICY.weekly:
            assert {week_of(t.date()) for t in kept} == span_weeks
        assert {month_of(t.date()) for t in kept} == set(months_between(oldest, today))
        # A tier with room left means there was nothing older to put in it.
        if tiers["weekly"] < POLICY.weekly:
            assert week_of(oldest) == week_of(first_made), (tiers, oldest)
        if tiers["monthly"] < POLICY.monthly:
            assert month_of(oldest) == month_of(first_made), (tiers, oldest)
    return tiers


def test_rotation_over_400_simulated_days(rng: random.Random) -> None:
    kept: set[datetime] = set()
    made: dict[date, list[datetime]] = defaultdict(list)
    removed: set[datetime] = set()
    for n in range(400):
        today = START + timedelta(days=n)
        for _ in range(rng.randint(1, 5)):
            moment = datetime.combine(today, time(rng.randrange(24), rng.randrange(60),
                                                  rng.randrange(60)), UTC)
            made[today].append(moment)
            newest = max(kept | {moment})
            # As the app does: a backup, then rotation (backups arrive in time order
            # within a day, like a real clock).
            candidates = kept | {moment}
            keep = select_to_keep(candidates, today)
            removed |= candidates - keep
            kept = keep
            assert newest in kept
        tiers = assert_matches_policy(kept, made, today)
    # After 400 days every tier is full.
    assert tiers == {"daily": 12, "weekly": 10, "monthly": 9}, tiers
    assert len([t for t in kept if t.date() < today - timedelta(days=1)]) == LONG_TERM
    assert not removed & kept
    oldest = min(kept).date()
    assert (START + timedelta(days=399) - oldest).days > 250, "long-term history was lost"


@settings(max_examples=300, deadline=None)
@given(
    moments=st.lists(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 6, 30),
                                  timezones=st.just(UTC)), max_size=80),
    today=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 6, 30)),
)
def test_rotation_properties(moments: list[datetime], today: date) -> None:
    keep = select_to_keep(moments, today)
    assert keep <= set(moments)
    if moments:
        assert max(moments) in keep
    recent = {m for m in moments if m.date() >= today - timedelta(days=1)}
    assert recent <= keep
    assert len(keep) <= len(recent) + LONG_TERM + 1
    older_days = [m.date() for m in keep if m.date() < today - timedelta(days=1)]
    assert len(older_days) == len(set(older_days))
    # Rotating again the same day removes nothing more.
    assert select_to_keep(keep, today) == keep


def test_rotation_deletes_real_backup_files(tmp_path: Path, rng: random.Random) -> None:
    clock = FixedClock(datetime(2025, 3, 1, 8, 0, tzinfo=UTC))
    path = tmp_path / "family.familyfile"
    vault, _secret = Vault.create(path, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    folder = vault.backups_dir
    model: set[datetime] = set()
    made = 0
    try:
        for n in range(30):
            day = date(2025, 3, 1) + timedelta(days=n)
            hours = sorted(rng.sample(range(24), rng.randint(1, 2)))
            for hour in hours:
                clock.current = datetime.combine(day, time(hour, rng.randrange(60)), UTC)
                info = vault.backup_now("auto")
                made += 1
                model = select_to_keep(model | {info.made_utc}, day)
                on_disk = backup.list_backups(folder)
                assert {b.made_utc for b in on_disk} == model
                assert on_disk[0].made_utc == info.made_utc, "the newest backup was removed"
            names = {p.name for p in folder.iterdir()}
            assert len(names) == 2 * len(model), "a backup without its key header (or the reverse)"
    finally:
        vault.close(backup_if_changed=False)
    assert made - len(model) > 15, "rotation deleted (almost) nothing"
    assert len(model) == len(backup.list_backups(folder))
