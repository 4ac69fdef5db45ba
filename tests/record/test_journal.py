"""The developmental journal: history, full-text search, paging (photos: test_journal_photos)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain import journal as rules
from familyfile.domain.entry import PARENT, Author, new_entry_id
from familyfile.domain.journal import ObservationDraft
from familyfile.messages import user_message
from familyfile.services import journal
from familyfile.services.session import FamilySession
from familyfile.store import entries, photos

KEY_WORKER = Author("key_worker", "Sam Patel")


@pytest.fixture
def fam(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2025, 6, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id  # born 2024-03-01


def draft(text: str = "Stacked three cups", area: str = "mathematics", when: str = "2025-05-01",
          **kw: object) -> ObservationDraft:
    return ObservationDraft(when, area, text, **kw)  # type: ignore[arg-type]


# -- observations ------------------------------------------------------------------------------
def test_add_edit_archive_restore_keep_history_and_authors(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    added = journal.add(session, child, draft("Said dada", "communication_language",
                                              first_title="First word", is_first=True))
    seen = journal.observation(added)
    assert (seen.area, seen.is_first, seen.first_title, added.author) == (
        "communication_language", True, "First word", PARENT)
    session.use_as(KEY_WORKER)
    edited = journal.edit(session, added, draft("Said dada and mama", "communication_language",
                                                first_title="First word", is_first=True,
                                                observed_by="Grandma"))
    assert edited.author == KEY_WORKER and journal.observation(edited).observed_by == "Grandma"
    archived = journal.archive(session, edited)
    assert journal.timeline(session, child) == []
    restored = journal.restore(session, archived)
    assert [e.id for e in journal.timeline(session, child)] == [added.id]
    history = session.records.history(added.id)
    assert [(h.action, h.author.kind) for h in history] == [
        ("created", "parent"), ("edited", "key_worker"), ("archived", "key_worker"),
        ("restored", "key_worker")]
    assert history[0].data["text"] == "Said dada" and restored.version == 4
    with pytest.raises(errors.EditConflictError):
        journal.edit(session, added, draft("stale"))


def test_written_by_says_who(fam: tuple[FamilySession, str]) -> None:
    assert rules.written_by(PARENT, PARENT) == "Written by you"
    assert rules.written_by(KEY_WORKER, PARENT) == "Written by Sam Patel, key worker"
    assert rules.written_by(PARENT, KEY_WORKER) == "Written by the family"


@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"when": "2025-06-02"}, "observed_on", "date-in-future"),
    ({"when": "2024-02-28"}, "observed_on", "before-birth"),
    ({"when": "1 May"}, "observed_on", "date-format"),
    ({"area": "cooking"}, "area", "bad-choice"),
    ({"text": "  "}, "observation_text", "required"),
    ({"text": "x" * 5001}, "observation_text", "too-long"),
    ({"is_first": True}, "first_title", "required"),
])
def test_validation_says_how_to_fix(fam: tuple[FamilySession, str], changes: dict, field: str,
                                    code: str) -> None:
    session, child = fam
    with pytest.raises(errors.ValidationError) as caught:
        journal.add(session, child, draft(**changes))
    assert (caught.value.field, caught.value.code) == (field, code)
    assert "{" not in user_message(caught.value) and user_message(caught.value).endswith(".")


def test_a_first_needs_no_other_words(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    added = journal.add(session, child, draft("", "physical", first_title="First steps", is_first=True))
    assert journal.search(session, child, "steps")[0].id == added.id


def test_every_area_has_a_plain_name_and_line_prime_first() -> None:
    assert rules.AREAS[:3] == rules.PRIME_AREAS == (
        "communication_language", "physical", "personal_social_emotional")
    for area in rules.AREAS:
        assert rules.area_name(area) != area and rules.area_explanation(area).endswith(".")
        assert rules.parse_area(area) == area == rules.parse_area(rules.area_official_name(area))
    assert rules.parse_area("PSED") == "personal_social_emotional" and rules.parse_area("x") is None


# -- search ------------------------------------------------------------------------------------
def test_search_finds_words_ignoring_accents_and_case(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    cafe = journal.add(session, child, draft("Pointed at the CAFÉ sign and said naïve things"))
    plain = journal.add(session, child, draft("Waved at the cafe lady"))
    assert {e.id for e in journal.search(session, child, "café")} == {cafe.id, plain.id}
    assert {e.id for e in journal.search(session, child, "cafe")} == {cafe.id, plain.id}
    assert [e.id for e in journal.search(session, child, "naive")] == [cafe.id]
    assert [e.id for e in journal.search(session, child, "wav")] == [plain.id]  # prefix
    assert [e.id for e in journal.search(session, child, "cafe lady")] == [plain.id]  # all words
    # The area's plain and EYFS names are searchable too.
    assert {e.id for e in journal.search(session, child, "numbers shapes")} == {cafe.id, plain.id}
    assert len(journal.search(session, child, "Mathematics")) == 2


def test_search_ranks_the_best_match_first(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    journal.add(session, child, draft("Played in the garden with a ball, then ate lunch, then a long "
                                      "nap, then the park with cousins and the dog and more"))
    best = journal.add(session, child, draft("Ball ball ball: kicked the ball"))
    assert journal.search(session, child, "ball")[0].id == best.id


@pytest.mark.parametrize("typed", ['"', 'dada"', "AND", "OR NOT", "*", "ball*", "(ball", "body:ball",
                                   "NEAR(ball cup)", "-ball", "^ball", "ball + cup", "''", "{}", ":",
                                   "ball AND", "\\", "\x00", "   ", "日本"])
def test_search_never_fails_on_what_a_person_types(fam: tuple[FamilySession, str], typed: str) -> None:
    session, child = fam
    journal.add(session, child, draft('Kicked the ball and said "dada" (twice)'))
    journal.search(session, child, typed)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=40))
def test_search_never_fails_for_any_text(fam: tuple[FamilySession, str], typed: str) -> None:
    session, child = fam
    assert isinstance(journal.search(session, child, typed), list)


def test_search_follows_edits_archives_and_children(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    from familyfile.domain.child import ChildDraft

    other = session.add_child(ChildDraft("Ben", "B", "2024-01-01")).id
    journal.add(session, other, draft("giraffe at the zoo"))
    mine = journal.add(session, child, draft("giraffe puzzle"))
    assert [e.id for e in journal.search(session, child, "giraffe")] == [mine.id]
    edited = journal.edit(session, mine, draft("elephant puzzle"))
    assert journal.search(session, child, "giraffe") == []
    archived = journal.archive(session, edited)
    assert journal.search(session, child, "elephant") == []
    journal.restore(session, archived)
    assert [e.id for e in journal.search(session, child, "elephant")] == [mine.id]
    assert journal.rebuild_index(session) == 2
    assert [e.id for e in journal.search(session, child, "elephant")] == [mine.id]


def test_a_failed_save_leaves_no_search_row(fam: tuple[FamilySession, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    session, child = fam

    def broken(*_a: object, **_k: object) -> None:
        raise errors.StorageError("disk")

    monkeypatch.setattr(photos, "index_entry", broken)
    with pytest.raises(errors.StorageError):
        journal.add(session, child, draft("zebra"))
    monkeypatch.undo()
    assert journal.timeline_count(session, child) == 0
    assert session._vault.conn.execute("SELECT count(*) FROM journal_search").fetchone()[0] == 0


# -- timeline ----------------------------------------------------------------------------------
def _bulk(session: FamilySession, child: str, count: int) -> None:
    """Many observations quickly (one transaction), through the store as the service does."""
    areas = rules.AREAS
    with session._vault.write() as conn:
        for i in range(count):
            built = rules.build(draft(f"day {i}", areas[i % 7], date.fromordinal(
                date(2024, 3, 1).toordinal() + i % 450).isoformat()), date(2025, 6, 1))
            author = KEY_WORKER if i % 5 == 0 else PARENT
            entry_id = new_entry_id()
            entries.insert(conn, entry_id=entry_id, child_id=child, kind=journal.KIND,
                           occurred_on=built.observed_on.isoformat(), data=built.to_data(),
                           author=author, now=session.clock.now())
            photos.index_entry(conn, entry_id, child, built.search_text())


def test_timeline_pages_newest_first_with_filters(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    _bulk(session, child, 700)
    assert journal.timeline_count(session, child) == 700
    seen: list[str] = []
    dates: list[str] = []
    for offset in range(0, 700, journal.PAGE):
        page = journal.timeline(session, child, offset=offset)
        seen += [e.id for e in page]
        dates += [e.occurred_on or "" for e in page]
    assert len(seen) == len(set(seen)) == 700 and dates == sorted(dates, reverse=True)
    maths = journal.JournalFilter(area="mathematics")
    assert journal.timeline_count(session, child, maths) == 100
    assert all(journal.observation(e).area == "mathematics"
               for e in journal.timeline(session, child, maths, limit=200))
    by_sam = journal.JournalFilter(author_kind="key_worker", author_name="Sam Patel")
    assert journal.timeline_count(session, child, by_sam) == 140
    assert set(journal.authors(session, child)) == {PARENT, KEY_WORKER}
    assert len(journal.search(session, child, "day", limit=20, offset=690)) == 10


def test_search_with_filters(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    mine = journal.add(session, child, draft("ball in the garden", "physical"))
    session.use_as(KEY_WORKER)
    theirs = journal.add(session, child, draft("ball game with friends", "personal_social_emotional"))
    assert {e.id for e in journal.search(session, child, "ball")} == {mine.id, theirs.id}
    physical = journal.JournalFilter(area="physical")
    assert [e.id for e in journal.search(session, child, "ball", chosen=physical)] == [mine.id]
    by_sam = journal.JournalFilter(author_kind="key_worker", author_name="Sam Patel")
    assert [e.id for e in journal.search(session, child, "ball", chosen=by_sam)] == [theirs.id]


def test_a_very_broad_search_comes_newest_first_and_pages(fam: tuple[FamilySession, str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    session, child = fam
    _bulk(session, child, 120)  # every entry has the word "day"
    monkeypatch.setattr(journal, "RANK_AT_MOST", 10)
    monkeypatch.setattr(journal, "WALK_CHUNK", 7)
    found = [e.id for offset in range(0, 120, 25)
             for e in journal.search(session, child, "day", limit=25, offset=offset)]
    assert found == [e.id for e in journal.timeline(session, child, limit=200)]
    maths = journal.JournalFilter(area="mathematics")
    assert [e.id for e in journal.search(session, child, "day", limit=50, chosen=maths)] == [
        e.id for e in journal.timeline(session, child, maths, limit=50)]
    assert [journal.observation(e).text for e in journal.search(session, child, "day 7")] == ["day 7"]


def test_one_letter_is_a_whole_word_not_a_prefix() -> None:
    assert journal.match_expression('b "AND" ba*') == '"b" "AND"* "ba"*'
