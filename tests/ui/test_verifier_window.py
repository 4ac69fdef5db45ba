"""The verifier window, driven like a practitioner at an appointment: open what the family
gave them, read the outcome, compare the fingerprint and trust, read the content."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from familyfile.clock import FixedClock
from familyfile.export import share_file, shc
from familyfile.export.keys import SigningKey
from familyfile.export.verify import Outcome
from familyfile.services import verifier
from familyfile.ui import camera_scan
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.verifier_window import TrustKeyDialog, VerifierWindow
from tests.export._cards import FAMILY_KEY, ISSUER, NOW, card
from tests.ui.drive import activate, show_active, shown

CLOCK = FixedClock(NOW + timedelta(days=1))
OTHER_KEY = SigningKey.from_scalar(0xC0FFEE)
OTHER_ISSUER = "https://vaccines.example.org"


@pytest.fixture
def trust_dir(tmp_path: Path) -> Path:
    return tmp_path / "trust"


def make_window(qtbot, trust_dir: Path, tasks: TaskRunner, clock: FixedClock = CLOCK) -> VerifierWindow:
    return show_active(qtbot, VerifierWindow(trust_dir, clock, tasks), (1000, 900))


def open_with_dialog(qtbot, window: VerifierWindow, monkeypatch, *paths: Path) -> None:
    """Click "Open a photo, PDF or file…" and choose ``paths`` in the (stand-in) file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_a, **_k: ([str(p) for p in paths], "")))
    before = window.results
    qtbot.mouseClick(window.open_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: (window.results is not before and not window.tasks.busy)
                    or window.message.isVisible(), timeout=60000)


def share(tmp_path: Path, jws: str | None = None, *, key_card: bool = True) -> Path:
    """A share file as the family's app writes it (with its key card, unless told otherwise)."""
    path = tmp_path / "share.json"
    name = "The Quillfeather family"
    path.write_bytes(share_file.write_bytes([jws or card()], FAMILY_KEY.public_jwk, name,
                                            shc.encode_key_card(FAMILY_KEY, ISSUER, name, NOW)
                                            if key_card else None))
    return path


def pin(trust_dir: Path, issuer: str = ISSUER, key: SigningKey = FAMILY_KEY) -> None:
    verifier.trust_candidate(issuer, key.public_jwk, trust_dir)


def headline(window: VerifierWindow, index: int = 0) -> str:
    return window.panels[index].headline.text()


def test_share_file_unknown_signer_then_trusted_after_comparing(qtbot, monkeypatch, tmp_path, trust_dir,
                                                               tasks) -> None:
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, share(tmp_path))
    assert window.outcomes() == [Outcome.VALID_UNKNOWN_SIGNER]
    assert headline(window).startswith("Not checked yet") and "Genuine" not in headline(window)
    panel = window.panels[0]
    assert "Signed by: The Quillfeather family" in panel.details.text()
    assert panel.fingerprint.text().split() == FAMILY_KEY.fingerprint.split()
    assert panel.replace_button is None and panel.trust_button is not None
    qtbot.mouseClick(panel.trust_button, Qt.LeftButton)
    dialog = shown(window, TrustKeyDialog)
    activate(qtbot, dialog)
    assert dialog.fingerprint.text().split() == FAMILY_KEY.fingerprint.split()
    assert dialog.accept_button.text() == "They match — trust this key"
    qtbot.mouseClick(dialog.accept_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.outcomes() == [Outcome.VERIFIED_KNOWN_SIGNER])
    assert headline(window) == "Genuine and current — from a key you trust"
    assert "  Name: Zephyrine Quillfeather" in window.panels[0].content_lines
    assert "Valid until: 30 May 2026" in window.panels[0].details.text()
    assert verifier.load_trust(trust_dir).key_for(ISSUER) == FAMILY_KEY.public_jwk


def test_cancelling_the_comparison_trusts_nothing(qtbot, monkeypatch, tmp_path, trust_dir, tasks) -> None:
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, share(tmp_path, key_card=False))  # the bare key entry
    assert window.outcomes() == [Outcome.VALID_UNKNOWN_SIGNER]
    assert "Signed by: The Quillfeather family" in window.panels[0].details.text()
    qtbot.mouseClick(window.panels[0].trust_button, Qt.LeftButton)
    dialog = shown(window, TrustKeyDialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert window.outcomes() == [Outcome.VALID_UNKNOWN_SIGNER]
    assert verifier.load_trust(trust_dir).keys == {}


def test_pasted_altered_card_shows_altered_and_no_content(qtbot, trust_dir, tasks) -> None:
    pin(trust_dir)
    head, body, sig = card().split(".")
    altered = f"{head}.{body}.{sig[:5]}{'A' if sig[5] != 'A' else 'B'}{sig[6:]}"
    window = make_window(qtbot, trust_dir, tasks)
    QApplication.clipboard().setText(shc.to_numeric(altered))
    qtbot.keyClick(window, Qt.Key_V, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.outcomes() == [Outcome.ALTERED])
    assert headline(window) == "Do not rely on this card: it has been changed or forged"
    assert window.panels[0].content_lines == []


def test_expired_card_shows_expired(qtbot, monkeypatch, tmp_path, trust_dir, tasks) -> None:
    pin(trust_dir)
    window = make_window(qtbot, trust_dir, tasks, FixedClock(NOW + timedelta(days=200)))
    open_with_dialog(qtbot, window, monkeypatch, share(tmp_path))
    assert window.outcomes() == [Outcome.EXPIRED]
    assert headline(window) == "Out of date: this card has expired"
    assert window.panels[0].trust_button is None


def test_png_and_pdf_of_the_qr_open_and_verify(qtbot, monkeypatch, tmp_path, trust_dir, tasks) -> None:
    pin(trust_dir)
    image = shc.render_qr(card(), box_size=6).get_image().convert("RGB")
    png, pdf = tmp_path / "card.png", tmp_path / "pack.pdf"
    image.save(png)
    image.save(pdf, "PDF", resolution=150)
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, png)
    assert window.outcomes() == [Outcome.VERIFIED_KNOWN_SIGNER]
    open_with_dialog(qtbot, window, monkeypatch, pdf)
    assert window.outcomes() == [Outcome.VERIFIED_KNOWN_SIGNER]
    assert any("Zephyrine" in line for line in window.panels[0].content_lines)


def test_a_file_that_is_not_a_card_says_so_plainly(qtbot, monkeypatch, tmp_path, trust_dir, tasks) -> None:
    junk = tmp_path / "holiday.bin"
    junk.write_bytes(b"\x00\xff\x10 not a card")
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, junk)
    assert window.message.isVisible() and not window.panels
    assert window.message.text() == "The file is neither a card, a share file, a key nor a PNG/JPEG image."
    assert "Traceback" not in window.message.text()


def test_card_from_another_issuer_verifies_once_its_jwks_is_trusted(qtbot, monkeypatch, tmp_path, trust_dir,
                                                                    tasks) -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "resource:0", "resource": {"resourceType": "Patient", "name": [{"text": "Jane Doe"}]}},
        {"fullUrl": "resource:1", "resource": {
            "resourceType": "Immunization", "status": "completed", "occurrenceDateTime": "2025-10-01",
            "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "88"}]},
            "lotNumber": "FLU-7"}}]}
    other = tmp_path / "certificate.smart-health-card"
    other.write_text(json.dumps({"verifiableCredential": [card(bundle, key=OTHER_KEY, issuer=OTHER_ISSUER)]}))
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [{**OTHER_KEY.public_jwk, "use": "sig", "alg": "ES256",
                                          "kid": OTHER_KEY.kid}]}))
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, other)
    assert window.outcomes() == [Outcome.UNKNOWN_KEY]
    open_with_dialog(qtbot, window, monkeypatch, jwks)
    assert window.key_note.isVisible()
    assert window.outcomes() == [Outcome.VALID_UNKNOWN_SIGNER]
    qtbot.mouseClick(window.panels[0].trust_button, Qt.LeftButton)
    qtbot.mouseClick(shown(window, TrustKeyDialog).accept_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.outcomes() == [Outcome.VERIFIED_KNOWN_SIGNER])
    panel = window.panels[0]
    assert f"From another issuer: {OTHER_ISSUER}" in panel.details.text()
    assert panel.origin.text() == f"Card from another issuer: {OTHER_ISSUER}"
    assert "  2025-10-01" not in panel.content_lines
    assert "  1 October 2025 | CVX vaccine code 88 | — | FLU-7 | —" in panel.content_lines


def test_changed_key_warns_and_needs_a_second_confirmation(qtbot, monkeypatch, tmp_path, trust_dir,
                                                           tasks) -> None:
    pin(trust_dir, key=OTHER_KEY)  # this family was trusted with another key
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, share(tmp_path))
    assert window.outcomes() == [Outcome.SIGNER_KEY_CHANGED]
    panel = window.panels[0]
    assert headline(window).startswith("Warning: signed with a different key")
    assert panel.trust_button is None and panel.replace_button is not None  # no one-click re-trust
    qtbot.mouseClick(panel.replace_button, Qt.LeftButton)
    dialog = shown(window, TrustKeyDialog)
    assert dialog.confirm is not None and not dialog.accept_button.isEnabled()
    qtbot.mouseClick(dialog.confirm, Qt.LeftButton)
    assert dialog.accept_button.isEnabled()
    qtbot.mouseClick(dialog.accept_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.outcomes() == [Outcome.VERIFIED_KNOWN_SIGNER])


def test_dropping_a_file_opens_it(qtbot, tmp_path, trust_dir, tasks) -> None:
    pin(trust_dir)
    window = make_window(qtbot, trust_dir, tasks)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(share(tmp_path)))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.outcomes() == [Outcome.VERIFIED_KNOWN_SIGNER], timeout=30000)


def test_camera_button_says_plainly_when_there_is_none(qtbot, trust_dir, tasks) -> None:
    window = make_window(qtbot, trust_dir, tasks)
    if camera_scan.camera_available():  # pragma: no cover - this machine has none
        assert window.camera_button.isEnabled()
        return
    assert not window.camera_button.isEnabled()
    assert window.camera_note.text() == "No camera found — open a photo or PDF of the card instead"
    assert window.camera_note.isVisible()


def test_a_camera_frame_is_decoded(tmp_path) -> None:
    jws = card()
    path = tmp_path / "frame.png"
    shc.render_qr(jws, box_size=5).get_image().convert("RGB").save(path)
    frame = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert camera_scan.texts_in_image(frame) == [shc.to_numeric(jws)]
    assert camera_scan.texts_in_image(QImage()) == []


def test_unlock_and_welcome_screens_open_the_verifier(qtbot, tmp_path, monkeypatch) -> None:
    from familyfile.ui import verifier_window
    from familyfile.ui.first_run.steps import WelcomePage
    from familyfile.ui.unlock_screen import UnlockScreen

    monkeypatch.setattr(verifier_window, "VerifierWindow",
                        lambda trust_dir=None: VerifierWindow(tmp_path / "trust", CLOCK))
    unlock = show_active(qtbot, UnlockScreen(tmp_path / "f.familyfile"))
    assert unlock.check_card.text() == "Check a card someone gave me…"
    qtbot.mouseClick(unlock.check_card, Qt.LeftButton)
    assert any(isinstance(w, VerifierWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    welcome = show_active(qtbot, WelcomePage())
    opened = welcome.open_verifier()
    assert isinstance(opened, VerifierWindow) and opened.isVisible()
    for window in list(verifier_window._OPEN):
        window.close()


def test_the_launcher_opens_the_verifier_without_a_family_file(monkeypatch) -> None:
    from familyfile import app, launcher

    called: list[str] = []
    monkeypatch.setattr(app, "run_verifier", lambda: called.append("verifier") or 0)
    assert launcher.main(["--verifier"]) == 0 and launcher.main(["verify-window"]) == 0
    assert called == ["verifier", "verifier"]


def test_trusting_never_silently_replaces_a_different_key(trust_dir) -> None:
    pin(trust_dir, key=OTHER_KEY)
    with pytest.raises(verifier.KeyAlreadyTrusted):
        verifier.trust_candidate(ISSUER, FAMILY_KEY.public_jwk, trust_dir)
    assert verifier.load_trust(trust_dir).key_for(ISSUER) == OTHER_KEY.public_jwk
    verifier.trust_candidate(ISSUER, FAMILY_KEY.public_jwk, trust_dir, replace=True)
    assert verifier.load_trust(trust_dir).key_for(ISSUER) == FAMILY_KEY.public_jwk


def test_pasted_text_that_is_not_a_card_is_a_plain_message(qtbot, trust_dir, tasks) -> None:
    window = make_window(qtbot, trust_dir, tasks)
    window.open_text("see you on Tuesday")
    assert window.message.text() == "That text is not a card: a card's text starts with shc:/"
    assert not window.panels
    with pytest.raises(verifier.NotReadable):
        verifier.contents_from_text("{not json")


def _entry_card_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A practitioner's entry card as a PNG with their key card beside it, the card's text alone,
    and their key card alone (the card itself names nobody)."""
    from familyfile.domain.practitioner import Identity
    from familyfile.export import entry_cards
    from familyfile.services import practitioner as practice

    me = practice.Practitioner(Identity("b1TxqK2n0Zr9wVc4", "Jo Reed", "Health Visitor",
                                        "Riverside Health Visiting", "RX1CC"), OTHER_KEY)
    patient = {"resourceType": "Patient", "name": [{"given": ["Zephyrine"]}], "birthDate": "2025-03-01"}
    content = entry_cards.EntryContent("review", "2026-02-20", outcome="No concerns; review again at 3.")
    payload = entry_cards.entry_payload(entry_cards.EntryCard("c1", ISSUER, patient, content), me.issuer,
                                        nbf=NOW, exp=NOW + timedelta(days=90))
    jws = shc.encode_jws(me.key, payload)
    key_card = practice.key_card(me, FixedClock(NOW))
    png, text, key = tmp_path / "entry.png", tmp_path / "entry.txt", tmp_path / "key.txt"
    practice.write_card(png, jws, key_card, "png")
    practice.write_card(text, jws, None, "txt")
    key.write_text(key_card, "utf-8")
    return png, text, key


def test_an_entry_card_is_confirmed_by_the_name_on_its_key_card(qtbot, monkeypatch, tmp_path, trust_dir,
                                                                tasks) -> None:
    png, _text, _key = _entry_card_files(tmp_path)
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, png)
    panel = window.panels[0]
    assert window.outcomes() == [Outcome.VALID_UNKNOWN_SIGNER]
    who = "Jo Reed, Health Visitor, Riverside Health Visiting (ODS RX1CC)"
    assert f"Signed by: {who}" in panel.details.text()
    assert f"  Confirmed by {who}" in panel.content_lines
    assert "  20 February 2026 — Review outcome: No concerns; review again at 3." in panel.content_lines


def test_an_entry_card_alone_says_whose_key_and_names_them_once_the_key_card_is_opened(
        qtbot, monkeypatch, tmp_path, trust_dir, tasks) -> None:
    _png, text, key = _entry_card_files(tmp_path)
    window = make_window(qtbot, trust_dir, tasks)
    open_with_dialog(qtbot, window, monkeypatch, text, key)
    assert any(line.startswith("  Confirmed by Jo Reed") for line in window.panels[0].content_lines)
    alone = make_window(qtbot, tmp_path / "other-trust", tasks)
    open_with_dialog(qtbot, alone, monkeypatch, text)
    assert alone.outcomes() == [Outcome.UNKNOWN_KEY] and alone.panels[0].content_lines == []
