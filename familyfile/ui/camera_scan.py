"""Scanning a card with a camera, when Qt Multimedia is installed and finds one.

Qt Multimedia comes with PySide6-Addons (``pip install familyfile[camera]``), not with
PySide6-Essentials, so it is imported only inside the functions here: without it (or without a
camera) the verifier says so plainly and opening a photo or PDF still works. Frames arrive
through a QVideoSink; about every 300 ms the latest one is made 8-bit grey and read with
zxing-cpp (``services.verifier.qr_texts_from_gray``).
"""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.export import shc
from familyfile.i18n import _
from familyfile.services import verifier
from familyfile.ui.widgets.form import STYLE, para, secondary_button, title

SCAN_EVERY_MS = 300


def no_camera_text() -> str:
    return _("No camera found — open a photo or PDF of the card instead")


def camera_available() -> bool:
    """True only when Qt Multimedia imports and lists at least one camera."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except Exception:  # a broken multimedia back end means "no camera", never a crash
        return False


def gray_frame(image: QImage) -> tuple[int, int, bytes, int]:
    """(width, height, 8-bit grey pixels, bytes per row) of any QImage."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride = grey.bytesPerLine()
    data = bytes(grey.constBits())[: stride * grey.height()]
    return grey.width(), grey.height(), data, stride


def texts_in_image(image: QImage) -> list[str]:
    """The text of every QR code in a frame (or any QImage)."""
    if image.isNull():
        return []
    width, height, data, stride = gray_frame(image)
    return verifier.qr_texts_from_gray(width, height, data, stride)


def looks_like_card(text: str) -> bool:
    return text.startswith(shc.QR_PREFIX) or text.count(".") == 2


class CameraScanDialog(QDialog):
    """Shows the camera's picture and emits ``found(text)`` for the first card QR it reads."""

    found = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        self.setWindowTitle(_("Scan a card with the camera"))
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(title(_("Hold the QR code up to the camera")))
        layout.addWidget(para(_("Keep the whole code inside the picture, about a hand's width away. "
                                "It is read as soon as it is sharp.")))
        self.preview = QLabel()
        self.preview.setMinimumSize(480, 360)
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setAccessibleName(_("Camera picture"))
        layout.addWidget(self.preview, 1)
        self.status = para(_("Looking for a QR code…"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        cancel = secondary_button(_("Stop scanning"), qta.icon("mdi6.close"))
        cancel.clicked.connect(self.reject)
        row.addWidget(cancel)
        row.addStretch(1)
        layout.addLayout(row)
        self._latest: QImage | None = None
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.capture = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.capture.setCamera(self.camera)
        self.capture.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)
        self.camera.errorOccurred.connect(self._camera_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(SCAN_EVERY_MS)
        self.timer.timeout.connect(self._scan)
        self.finished.connect(self._stop)
        self.camera.start()
        self.timer.start()

    def _frame(self, frame: Any) -> None:
        image = frame.toImage()
        if not image.isNull():
            self._latest = image

    def _scan(self) -> None:
        image, self._latest = self._latest, None
        if image is None:
            return
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
        texts = [t for t in texts_in_image(image) if looks_like_card(t)]
        if texts:
            self.status.setText(_("Card read."))
            self.found.emit(texts[0])
            self.accept()

    def _camera_failed(self, *_args: Any) -> None:
        self.status.setText(_("The camera stopped working. Open a photo or PDF of the card instead."))
        self.timer.stop()

    def _stop(self) -> None:
        self.timer.stop()
        self.camera.stop()
