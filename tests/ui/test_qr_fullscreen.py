"""The full-screen QR viewer: one card at a time, big and scannable, "Card 2 of 3", moved by
arrow keys and buttons, Esc closes, the fingerprint in small text."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from familyfile.export import keys, shc
from familyfile.ui.dialogs.qr_fullscreen import Card, QrViewer
from tests.ui.drive import activate

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def cards() -> list[Card]:
    key = keys.SigningKey.from_scalar(12345)
    iss = shc.issuer_for("0" * 32)
    made = [shc.encode_jws(key, shc.build_payload(iss, {"resourceType": "Bundle", "type": "collection",
                                                        "entry": [{"n": n}]}, NOW, None))
            for n in range(2)]
    key_card = shc.encode_key_card(key, iss, "Made-up family", NOW)
    return [Card(made[0], "First part"), Card(made[1], "Second part"), Card(key_card, "The key")]


@pytest.fixture
def viewer(qtbot, cards: list[Card]) -> QrViewer:
    shown = QrViewer(cards, "12345 67890 " * 6)
    qtbot.addWidget(shown)
    shown.show_full()
    activate(qtbot, shown)
    return shown


def decoded(viewer: QrViewer) -> str:
    """What a phone would read from the screen."""
    image = viewer.code.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, line = image.width(), image.height(), image.bytesPerLine()
    rows = np.frombuffer(bytes(image.constBits())[: line * height], dtype=np.uint8)
    found = zxingcpp.read_barcodes(rows.reshape(height, line)[:, :width])
    assert len(found) == 1
    return found[0].text


def test_one_card_at_a_time_by_keyboard(qtbot, viewer: QrViewer, cards: list[Card]) -> None:
    assert viewer.isFullScreen()
    assert viewer.position.text() == "Card 1 of 3" and viewer.card_title.text() == "First part"
    assert decoded(viewer) == shc.to_numeric(cards[0].jws)
    qtbot.keyClick(viewer, Qt.Key_Right)
    assert viewer.position.text() == "Card 2 of 3"
    assert decoded(viewer) == shc.to_numeric(cards[1].jws)
    qtbot.keyClick(viewer, Qt.Key_End)
    assert viewer.position.text() == "Card 3 of 3" and viewer.card_title.text() == "The key"
    assert not viewer.next_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key_Right)  # nothing after the last
    assert viewer.index == 2
    qtbot.keyClick(viewer, Qt.Key_Left)
    assert viewer.index == 1
    qtbot.keyClick(viewer, Qt.Key_Home)
    assert viewer.index == 0 and not viewer.previous_button.isEnabled()
    assert decoded(viewer) == shc.to_numeric(cards[0].jws)


def test_buttons_and_escape(qtbot, viewer: QrViewer) -> None:
    qtbot.mouseClick(viewer.next_button, Qt.LeftButton)
    assert viewer.position.text() == "Card 2 of 3"
    qtbot.mouseClick(viewer.previous_button, Qt.LeftButton)
    assert viewer.position.text() == "Card 1 of 3"
    assert "12345 67890" in viewer.fingerprint.text()
    assert viewer.fingerprint.font().pointSizeF() < viewer.position.font().pointSizeF()
    qtbot.keyClick(QApplication.focusWidget() or viewer, Qt.Key_Escape)
    assert not viewer.isVisible()


def test_the_code_is_big_and_sharp(viewer: QrViewer) -> None:
    """Whole screen pixels per module (no blur) and most of the smaller screen side."""
    scale = viewer.shown_scale()
    assert scale >= 3
    side = viewer.code.pixmap().width()
    assert side == viewer.pixmaps[0].width() * scale
    assert side > min(viewer.width(), viewer.height()) * 0.4


def test_nothing_to_show_is_refused() -> None:
    with pytest.raises(ValueError):
        QrViewer([], "0")
