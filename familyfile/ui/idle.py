"""Auto-lock: notice when nobody has touched the app for a while.

An application-wide event filter restarts a single-shot timer on every mouse, key,
wheel or touch event. When the timer runs out, ``idle_timeout`` fires and the
controller locks the family file (clearing the screen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = frozenset({
    QEvent.KeyPress, QEvent.KeyRelease, QEvent.MouseButtonPress, QEvent.MouseButtonRelease,
    QEvent.MouseButtonDblClick, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin,
    QEvent.TouchUpdate, QEvent.TabletPress, QEvent.TabletMove,
})


def minutes_to_ms(minutes: int) -> int:
    return max(0, int(minutes)) * 60_000


class IdleWatcher(QObject):
    """``IdleWatcher(timeout_ms)``; 0 means never. Call ``start()`` while unlocked."""

    idle_timeout = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_ms = max(0, int(timeout_ms))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        self._watching = False

    @property
    def active(self) -> bool:
        return self._watching

    def start(self) -> None:
        if self.timeout_ms <= 0 or self._watching:
            return
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._watching = True
        self._timer.start(self.timeout_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def set_timeout(self, timeout_ms: int) -> None:
        """A new idle time; takes effect at once if the watcher is running."""
        was_watching = self._watching
        self.stop()
        self.timeout_ms = max(0, int(timeout_ms))
        if was_watching:
            self.start()

    def postpone(self) -> None:
        if self._watching:
            self._timer.start(self.timeout_ms)

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() in _INPUT:
            self.postpone()
        return False

    def _expired(self) -> None:
        self.stop()
        self.idle_timeout.emit()
