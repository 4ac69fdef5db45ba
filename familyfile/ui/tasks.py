"""Slow work (KDF, backups, restore, export) off the UI thread, with progress shown.

One task at a time: a modal progress dialog keeps the person from starting another,
so the family file's single connection is never used by two threads at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # reported on the UI thread, never lost
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class TaskRunner(QObject):
    """``run(label, work, on_done, on_error)``: ``work`` runs on a worker thread; the
    callbacks run on the UI thread. ``finished`` fires after either callback."""

    finished = Signal()
    started = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._dialog: QProgressDialog | None = None
        self._signals: _Signals | None = None
        self.busy = False

    def run(self, label: str, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        if self.busy:
            raise RuntimeError("a task is already running")
        self.busy = True
        self._show_progress(label)
        signals = _Signals()
        signals.done.connect(lambda result: self._finish(on_done, result), Qt.QueuedConnection)
        signals.failed.connect(lambda exc: self._finish(on_error, exc), Qt.QueuedConnection)
        self._signals = signals
        self.started.emit(label)
        self._pool.start(_Job(work, signals))

    def _show_progress(self, label: str) -> None:
        dialog = QProgressDialog(label, "", 0, 0, self._parent)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAccessibleName(label)
        self._dialog = dialog

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        self.busy = False
        self._signals = None
        try:
            callback(value)
        finally:
            self.finished.emit()

    def wait_idle(self, msecs: int = 30000) -> bool:
        """For shutdown and tests: wait for the worker thread to end."""
        return self._pool.waitForDone(msecs)
