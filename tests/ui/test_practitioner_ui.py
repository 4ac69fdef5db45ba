"""Practitioner mode in the verifier window, driven like a health visitor at a home visit: set up
their identity, open it again, open the family's share file, trust it, record a weight, sign,
show it full screen and save it; send a receipt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from familyfile.export import entry_cards
from familyfile.export.verify import Outcome, TrustStore, read_key_card
from familyfile.services import practitioner as practice
from familyfile.services import verifier
from familyfile.ui.dialogs import issued_card, practitioner_identity
from familyfile.ui.dialogs.issued_card import CardViewer, IssuedCardDialog
from familyfile.ui.dialogs.practitioner_entry import RecordEntryDialog
from familyfile.ui.dialogs.practitioner_identity import OpenIdentityDialog, SetUpIdentityDialog
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.verifier_window import TrustKeyDialog, VerifierWindow
from tests.conftest import FAST_KDF
from tests.consent.conftest import record  # noqa: F401 (a pytest fixture)
from tests.practitioner.conftest import Setting, setting  # noqa: F401 (a pytest fixture)
from tests.ui.drive import activate, show_active, shown

JO = "Jo Reed, Health Visitor, Riverside Health Visiting"
SECRET = "otter-lantern-meadow-quartz"


def make_window(qtbot, trust_dir: Path, tasks: TaskRunner, clock=None) -> VerifierWindow:
    window = VerifierWindow(trust_dir, clock, tasks, kdf=FAST_KDF) if clock else VerifierWindow(
        trust_dir, tasks=tasks, kdf=FAST_KDF)
    return show_active(qtbot, window, (1000, 900))


def click(qtbot, button) -> None:
    qtbot.waitUntil(button.isVisible)  # a widget added to a shown layout is shown on the next turn
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def type_in(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def set_up_identity(qtbot, window: VerifierWindow, monkeypatch, where: Path) -> None:
    monkeypatch.setattr(practitioner_identity, "choose_path", lambda *_a, **_k: where)
    click(qtbot, window.identity.set_up_button)
    dialog = shown(window, SetUpIdentityDialog)
    activate(qtbot, dialog)
    for key, text in (("name", "Jo Reed"), ("role", "Health Visitor"),
                      ("organisation", "Riverside Health Visiting"), ("ods_code", "rx1 cc")):
        type_in(qtbot, dialog.inputs[key], text)
    type_in(qtbot, dialog.passphrase.first.edit, SECRET)
    type_in(qtbot, dialog.passphrase.second.edit, SECRET)
    click(qtbot, dialog.place.button)
    assert dialog.place.path() == where
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.identity.practitioner is not None, timeout=30000)


def open_identity(qtbot, window: VerifierWindow, monkeypatch, where: Path, passphrase: str,
                  ) -> OpenIdentityDialog:
    monkeypatch.setattr(practitioner_identity, "choose_path", lambda *_a, **_k: where)
    click(qtbot, window.identity.open_button)
    dialog = shown(window, OpenIdentityDialog)
    activate(qtbot, dialog)
    click(qtbot, dialog.place.button)
    type_in(qtbot, dialog.secret.edit, passphrase)
    qtbot.keyClick(dialog.secret.edit, Qt.Key_Return)
    return dialog


def test_set_up_identity_then_reopen_with_wrong_then_right_passphrase(qtbot, monkeypatch, tmp_path,
                                                                     tasks) -> None:
    window = make_window(qtbot, tmp_path / "trust", tasks)
    assert window.identity.key_card_button.isHidden()
    # saving with nothing typed says what to type, next to each field
    click(qtbot, window.identity.set_up_button)
    empty = shown(window, SetUpIdentityDialog)
    activate(qtbot, empty)
    click(qtbot, empty.save_button)
    assert empty.errors["name"].text() == "Enter the person's name."
    assert empty.errors["organisation"].text() == "Enter the organisation."
    assert empty.passphrase.first_error.isVisible()
    assert empty.summary.isVisible()
    type_in(qtbot, empty.inputs["ods_code"], "R!")
    click(qtbot, empty.save_button)
    assert empty.errors["ods_code"].text().startswith("An ODS code is 3 to 8 letters and numbers")
    click(qtbot, empty.cancel_button)

    where = tmp_path / "me.ffidentity"
    set_up_identity(qtbot, window, monkeypatch, where)
    me = window.identity.practitioner
    assert me is not None and me.identity.display == JO and me.identity.ods_code == "RX1CC"
    assert where.exists() and where.stat().st_mode & 0o077 == 0
    assert window.identity.state.text() == f"Signed in as {JO} — fingerprint:"
    assert window.identity.fingerprint.text().split() == me.fingerprint.split()
    click(qtbot, window.identity.key_card_button)
    viewer = window.identity.dialog
    assert isinstance(viewer, CardViewer) and viewer.isFullScreen() and viewer.count() == 1
    assert JO in viewer.card_title.text()
    viewer.close()

    click(qtbot, window.identity.close_button)
    assert window.identity.practitioner is None and window.identity.open_button.isVisible()
    dialog = open_identity(qtbot, window, monkeypatch, where, "not-the-passphrase")
    qtbot.waitUntil(lambda: dialog.errors["passphrase"].isVisible() and not tasks.busy, timeout=30000)
    assert dialog.errors["passphrase"].text() == ("That passphrase is not right. Check Caps Lock and "
                                                  "try again.")
    assert window.identity.practitioner is None
    type_in(qtbot, dialog.secret.edit, SECRET)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.identity.practitioner is not None, timeout=30000)
    assert window.identity.practitioner.fingerprint == me.fingerprint


def test_a_damaged_identity_file_says_so_plainly(qtbot, monkeypatch, tmp_path, tasks) -> None:
    where = tmp_path / "me.ffidentity"
    where.write_text('{"format": "something else"}')
    window = make_window(qtbot, tmp_path / "trust", tasks)
    dialog = open_identity(qtbot, window, monkeypatch, where, SECRET)
    qtbot.waitUntil(lambda: dialog.errors["path"].isVisible() and not tasks.busy, timeout=30000)
    assert dialog.errors["path"].text().startswith("This file is damaged, or it is not a Family File")
    assert window.identity.practitioner is None


def _open_share(qtbot, window: VerifierWindow, monkeypatch, share: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(share)], "")))
    click(qtbot, window.open_button)
    qtbot.waitUntil(lambda: bool(window.panels) and not window.tasks.busy, timeout=60000)


def _trust_family(qtbot, window: VerifierWindow) -> None:
    click(qtbot, window.panels[0].trust_button)
    dialog = shown(window, TrustKeyDialog)
    activate(qtbot, dialog)
    click(qtbot, dialog.accept_button)
    qtbot.waitUntil(lambda: window.outcomes()[0] is Outcome.VERIFIED_KNOWN_SIGNER)


@pytest.fixture
def signed_in(qtbot, monkeypatch, tmp_path, tasks, setting: Setting) -> VerifierWindow:  # noqa: F811
    """The window on the family's clock, an identity open, the family's share file opened."""
    where = tmp_path / "me.ffidentity"
    practice.create_identity(where, SECRET, name="Jo Reed", role="Health Visitor",
                             organisation="Riverside Health Visiting", kdf=FAST_KDF)
    window = make_window(qtbot, tmp_path / "trust", tasks, setting.record.clock)
    open_identity(qtbot, window, monkeypatch, where, SECRET)
    qtbot.waitUntil(lambda: window.identity.practitioner is not None, timeout=30000)
    _open_share(qtbot, window, monkeypatch, setting.share)
    return window


def test_no_record_button_without_an_identity(qtbot, monkeypatch, tmp_path, tasks, setting) -> None:  # noqa: F811
    window = make_window(qtbot, tmp_path / "trust", tasks, setting.record.clock)
    _open_share(qtbot, window, monkeypatch, setting.share)
    _trust_family(qtbot, window)
    assert window.panels[0].record_button is None


def test_record_a_weight_sign_show_and_save(qtbot, monkeypatch, tmp_path, signed_in, setting) -> None:  # noqa: F811
    window = signed_in
    assert set(window.outcomes()) == {Outcome.VALID_UNKNOWN_SIGNER}  # about me and vaccinations
    _trust_family(qtbot, window)
    click(qtbot, window.panels[0].record_button)
    qtbot.waitUntil(lambda: isinstance(window.identity.dialog, RecordEntryDialog), timeout=30000)
    dialog = window.identity.dialog
    assert isinstance(dialog, RecordEntryDialog)
    activate(qtbot, dialog)
    assert dialog.inputs["weight_kg"].isVisible() and not dialog.inputs["vaccine"].isVisible()
    type_in(qtbot, dialog.inputs["on"], "20/02/2026")
    type_in(qtbot, dialog.inputs["weight_kg"], "12400")  # grams typed for kilograms
    click(qtbot, dialog.save_button)
    assert "did you mean 12.4 kg" in dialog.errors["weight_kg"].text()
    assert dialog.isVisible() and window.identity.issued is None
    type_in(qtbot, dialog.inputs["weight_kg"], "12.4")
    type_in(qtbot, dialog.inputs["height_cm"], "87")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.identity.issued is not None)
    issued = window.identity.issued
    assert isinstance(issued, IssuedCardDialog)
    viewer = issued.viewer
    assert viewer is not None and viewer.isFullScreen() and viewer.count() == 2
    assert viewer.card_title.text() == "Entry card for the family"
    viewer.close()
    out = tmp_path / "card.json"
    monkeypatch.setattr(issued_card, "choose_path", lambda *_a: out)
    click(qtbot, issued.save_button)
    assert issued.done_note.text() == "Saved as card.json. Give this file to the family."
    document = json.loads(out.read_text())
    contents = verifier.read_contents(out)
    me = window.identity.practitioner
    trust = TrustStore()
    trust.pin(me.issuer, me.key.public_jwk)
    [result] = verifier.verify_contents(contents, trust, setting.record.clock)
    assert result.outcome is Outcome.VERIFIED_KNOWN_SIGNER
    beside = document["familyfile"]["key_card"]  # the key card beside the card (a share file)
    assert read_key_card(beside).fingerprint == me.fingerprint
    # the family imports it (the family-side dialog has its own tests)
    from familyfile.services import entry_import

    imported = entry_import.import_entry(setting.session, out, trust_signer=True)
    assert imported.status == entry_import.IMPORTED and imported.signer == JO


def test_a_note_longer_than_the_limit_is_refused_with_the_limit(qtbot, monkeypatch, signed_in) -> None:
    window = signed_in
    _trust_family(qtbot, window)
    click(qtbot, window.panels[0].record_button)
    qtbot.waitUntil(lambda: isinstance(window.identity.dialog, RecordEntryDialog), timeout=30000)
    dialog = window.identity.dialog
    activate(qtbot, dialog)
    kind = dialog.inputs["kind"]
    kind.setFocus()
    for _step in range(3):  # "A short note" is the fourth choice
        qtbot.keyClick(kind, Qt.Key_Down)
    assert kind.currentData() == entry_cards.NOTE and dialog.inputs["text"].isVisible()
    assert f"At most {entry_cards.NOTE_MAX} characters." in dialog.fields.hints["text"].text()
    type_in(qtbot, dialog.inputs["on"], "20/02/2026")
    dialog.inputs["text"].setFocus()
    qtbot.keyClicks(dialog.inputs["text"], "w" * (entry_cards.NOTE_MAX + 1))
    area = dialog.inputs["area"]
    area.setFocus()
    qtbot.keyClick(area, Qt.Key_Down)
    click(qtbot, dialog.save_button)
    assert f"must be {entry_cards.NOTE_MAX} characters or fewer" in dialog.errors["text"].text()
    assert window.identity.issued is None
    dialog.inputs["text"].setFocus()
    qtbot.keyClick(dialog.inputs["text"], Qt.Key_Backspace)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.identity.issued is not None, timeout=30000)
    assert len(window.identity.issued.jws) <= 927  # one QR code at level M


def test_an_unknown_family_key_needs_a_warning_first(qtbot, monkeypatch, signed_in) -> None:
    window = signed_in
    click(qtbot, window.panels[0].record_button)
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "not compared this family's fingerprint" in box.text()
    go = next(b for b in box.buttons() if b.text() == "Go on without trusting")
    click(qtbot, go)
    qtbot.waitUntil(lambda: isinstance(window.identity.dialog, RecordEntryDialog), timeout=30000)


def test_send_a_receipt(qtbot, monkeypatch, tmp_path, signed_in, setting) -> None:  # noqa: F811
    window = signed_in
    _trust_family(qtbot, window)
    click(qtbot, window.panels[0].receipt_button)
    qtbot.waitUntil(lambda: window.identity.issued is not None, timeout=30000)
    issued = window.identity.issued
    assert issued.windowTitle() == "Receipt for the family"
    assert issued.viewer is not None and issued.viewer.isFullScreen()
    issued.viewer.close()
    out = tmp_path / "receipt.png"
    monkeypatch.setattr(issued_card, "choose_path", lambda *_a: out)
    click(qtbot, issued.save_button)
    assert out.read_bytes().startswith(b"\x89PNG")
    contents = verifier.read_contents(out)
    assert len(contents.cards) == 1 and len(contents.key_cards) == 1  # the card, and the key beside it
    [result] = verifier.verify_contents(contents, TrustStore(), setting.record.clock)
    assert result.issuer == window.identity.practitioner.issuer
    assert entry_cards.card_type(result.payload or {}) == entry_cards.ACK_TYPE
