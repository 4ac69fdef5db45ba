"""The family's "Add a confirmed entry from a professional…", driven like a parent: choose the file
the health visitor gave, compare the fingerprint, add it; the same card again; a receipt; a file
that is not an entry card. The growth page then says who confirmed the measurement."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from familyfile.services import entry_import
from familyfile.services import practitioner as practice
from familyfile.ui.dialogs import import_entry
from familyfile.ui.dialogs.import_entry import ImportEntryDialog, open_import_entry
from familyfile.ui.models.growth_model import BY, WEIGHT
from familyfile.ui.pages.growth import GrowthPage
from familyfile.ui.tasks import TaskRunner
from tests.consent.conftest import record  # noqa: F401 (a pytest fixture)
from tests.practitioner.conftest import Setting, setting  # noqa: F401 (a pytest fixture)
from tests.ui.drive import activate, show_active, show_page

JO = "Jo Reed, Health Visitor, Riverside Health Visiting"
JO_KEY_CARD = JO + " (ODS RX1CC)"  # the card names nobody: their key card does
WEIGH = practice.EntryDraft("growth", "2026-02-20", weight_kg="12.4", height_cm="87")


def open_dialog(qtbot, setting: Setting, tasks: TaskRunner) -> ImportEntryDialog:  # noqa: F811
    dialog = open_import_entry(None, setting.session, tasks)
    return show_active(qtbot, dialog, (760, 700))


def choose(qtbot, dialog: ImportEntryDialog, monkeypatch, path: Path) -> None:
    """Click "Choose the photo or file…" and pick ``path``; wait until it has been read."""
    monkeypatch.setattr(import_entry, "choose_path", lambda *_a: path)
    qtbot.mouseClick(dialog.choose_button, Qt.LeftButton)
    def answered() -> bool:
        return not dialog.tasks.busy and any(
            w.isVisible() for w in (dialog.outcome, dialog.compare, dialog.message))

    qtbot.waitUntil(answered, timeout=30000)


def test_compare_fingerprint_then_add_then_already_added(qtbot, monkeypatch, tmp_path, tasks,
                                                         setting: Setting) -> None:  # noqa: F811
    card = setting.issue(tmp_path / "card.png", WEIGH, fmt="png")
    dialog = open_dialog(qtbot, setting, tasks)
    choose(qtbot, dialog, monkeypatch, card)
    assert dialog.compare.isVisible() and not dialog.outcome.isVisible()
    assert dialog.compare_title.text() == f"Is this card really from {JO_KEY_CARD}?"
    assert dialog.fingerprint.text().split() == setting.me.fingerprint.split()
    assert len(dialog.fingerprint.text().splitlines()) == 3  # in groups, three lines of four
    assert entry_import.trusted(setting.session) == []  # nothing trusted before "They match"
    qtbot.mouseClick(dialog.trust_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=30000)
    assert dialog.outcome_title.text() == "Added to the record"
    assert dialog.outcome_text.text() == f"Imported: confirmed by {JO}."
    assert not dialog.compare.isVisible()
    assert [s.name for s in entry_import.trusted(setting.session)] == [JO_KEY_CARD]

    choose(qtbot, dialog, monkeypatch, card)  # the same card again
    assert dialog.outcome_title.text() == "Already added"
    assert dialog.outcome_text.text() == "This confirmed entry was already imported: nothing changed."

    page = show_page(qtbot, GrowthPage, setting.session, (1200, 760))
    rows = [page.model.data(page.model.index(r, BY)) for r in range(page.model.rowCount())]
    weights = [page.model.data(page.model.index(r, WEIGHT)) for r in range(page.model.rowCount())]
    found = [r for r, by in enumerate(rows) if by == f"Confirmed by {JO}"]
    assert len(found) == 1 and weights[found[0]].startswith("12.4 kg")
    assert "Parent" in rows  # the family's own entries still say who wrote them


def test_cancel_the_comparison_adds_nothing(qtbot, monkeypatch, tmp_path, tasks, setting) -> None:  # noqa: F811
    card = setting.issue(tmp_path / "card.json", WEIGH)
    dialog = open_dialog(qtbot, setting, tasks)
    choose(qtbot, dialog, monkeypatch, card)
    qtbot.mouseClick(dialog.cancel_trust_button, Qt.LeftButton)
    assert not dialog.compare.isVisible()
    assert dialog.message.text().startswith("Nothing was added.")
    assert entry_import.trusted(setting.session) == []
    assert all(e.author.kind != "professional"
               for e in setting.session.records.list_for(setting.child_id, "growth"))


def test_a_receipt_is_logged(qtbot, monkeypatch, tmp_path, tasks, setting) -> None:  # noqa: F811
    jws = practice.issue_ack(setting.me, setting.handover(), clock=setting.record.clock)
    out = tmp_path / "receipt.json"
    practice.write_card(out, jws, practice.key_card(setting.me, setting.record.clock), "json")
    dialog = open_dialog(qtbot, setting, tasks)
    choose(qtbot, dialog, monkeypatch, out)
    activate(qtbot, dialog)
    qtbot.mouseClick(dialog.trust_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=30000)
    assert dialog.outcome_title.text() == "Receipt saved"
    assert dialog.outcome_text.text().startswith(f"Received by {JO} on ")
    assert len(entry_import.receipts(setting.session)) == 1


def test_a_file_that_is_not_an_entry_card_gets_a_plain_sentence(qtbot, monkeypatch, tasks,
                                                                 setting) -> None:  # noqa: F811
    dialog = open_dialog(qtbot, setting, tasks)
    choose(qtbot, dialog, monkeypatch, setting.share)  # the family's own share file
    assert dialog.message.isVisible() and not dialog.outcome.isVisible()
    assert dialog.message.text() == "This file holds several cards: import them one at a time."
    assert "Traceback" not in dialog.message.text()


def test_a_confirmed_vaccination_and_note_say_who_confirmed_them(tmp_path, setting) -> None:  # noqa: F811
    from familyfile.ui.models.confirmed import confirmed_by
    from familyfile.ui.models.immunisations_model import _author
    from familyfile.ui.models.journal_model import JournalFeed, JournalModel

    jab = setting.issue(tmp_path / "jab.json",
                        practice.EntryDraft("immunisation", "2026-02-20", vaccine="6in1", dose="2"))
    note = setting.issue(tmp_path / "note.json",
                         practice.EntryDraft("note", "2026-02-20", text="Lots of words.", area="cl"))
    results = [entry_import.import_entry(setting.session, p, trust_signer=True) for p in (jab, note)]
    entries = [setting.session.records.get(str(r.entry_id)) for r in results]
    assert [confirmed_by(e) for e in entries] == [f"Confirmed by {JO}"] * 2
    assert _author(entries[0]) == f"Confirmed by {JO}"
    model = JournalModel(JournalFeed(lambda _offset, _limit: []))
    assert model.describe(entries[1]).splitlines()[-1] == f"Confirmed by {JO}"
    own = setting.session.records.get(setting.record.entries["growth"])
    assert confirmed_by(own) == ""


def test_a_confirmed_review_outcome_shows_on_the_reviews_page(qtbot, tmp_path, setting) -> None:  # noqa: F811
    from familyfile.ui.pages.reviews import ReviewsPage

    card = setting.issue(tmp_path / "review.json", practice.EntryDraft(
        "review", "2026-02-20", outcome="Doing well; speech to be reviewed in three months."))
    result = entry_import.import_entry(setting.session, card, trust_signer=True)
    assert result.status == "imported"
    page = show_page(qtbot, ReviewsPage, setting.session, (1200, 760))
    words = page.two_year_text.text().splitlines()
    assert "Outcome: Doing well; speech to be reviewed in three months." in words
    assert words[-1] == f"Confirmed by {JO}"


def test_the_file_is_read_once_even_when_the_signer_is_compared_first(qtbot, monkeypatch, tmp_path, tasks,
                                                                       setting: Setting) -> None:  # noqa: F811
    from familyfile.services import verifier

    card = setting.issue(tmp_path / "card.png", WEIGH, fmt="png")
    reads: list[Path] = []
    real = verifier.read_contents
    monkeypatch.setattr(verifier, "read_contents", lambda path: reads.append(path) or real(path))
    dialog = open_dialog(qtbot, setting, tasks)
    choose(qtbot, dialog, monkeypatch, card)
    assert dialog.compare.isVisible()
    qtbot.mouseClick(dialog.trust_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=30000)
    assert dialog.outcome_title.text() == "Added to the record"
    assert reads == [card]  # a photo or PDF is decoded once, not again after "They match"
