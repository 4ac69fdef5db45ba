"""The desktop app's composition root: ``run()`` builds the QApplication and the start flow.

``FAMILYFILE_BENCH_EXIT_ON_SHOWN=1`` prints ``shown <seconds>`` (since this module was
imported) once the first window is on screen, then quits: a start-up benchmark.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

BENCH_ENV = "FAMILYFILE_BENCH_EXIT_ON_SHOWN"
#: ``familyfile --verifier`` or ``familyfile verify-window``: the card verifier on its own.
VERIFIER_ARGS = ("--verifier", "verify-window")


def _application() -> tuple[Any, Any]:
    """The QApplication with its names, language and icon (shared by the app and the verifier)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from familyfile.i18n import set_language
    from familyfile.services import locations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Family File")
    app.setApplicationDisplayName("Family File")
    app.setOrganizationName("Family File")
    settings = locations.load_settings()
    if settings.language:
        set_language(settings.language)
    try:
        import qtawesome as qta

        app.setWindowIcon(qta.icon("mdi6.book-heart-outline", color="#b0281a"))
    except Exception:  # an icon is never worth failing to start
        app.setWindowIcon(QIcon())
    return app, settings


def run(path: Path | None = None) -> int:
    from PySide6.QtCore import QTimer

    from familyfile.ui.controller import AppController

    app, settings = _application()
    controller = AppController(settings)
    if os.environ.get(BENCH_ENV) == "1":
        reported: list[bool] = []

        def report() -> None:
            if not reported:
                reported.append(True)
                print(f"shown {time.perf_counter() - T0:.3f}", flush=True)
                app.quit()

        controller.window_changed.connect(lambda _w: QTimer.singleShot(0, report))
    controller.start(path)
    return app.exec()


def run_verifier() -> int:
    """``familyfile --verifier``: only the card verifier, without any family file."""
    from PySide6.QtCore import QTimer

    from familyfile.ui.verifier_window import open_verifier

    app, _settings = _application()
    window = open_verifier()
    if os.environ.get(BENCH_ENV) == "1":
        def report() -> None:
            print(f"shown {time.perf_counter() - T0:.3f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report)
    window.show()
    return int(app.exec())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in VERIFIER_ARGS:
        return run_verifier()
    return run(Path(args[0]) if args else None)


if __name__ == "__main__":
    raise SystemExit(main())
