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

BENCH_ENV = "FAMILYFILE_BENCH_EXIT_ON_SHOWN"


def run(path: Path | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from familyfile.i18n import set_language
    from familyfile.services import locations
    from familyfile.ui.controller import AppController

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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    return run(Path(args[0]) if args else None)


if __name__ == "__main__":
    raise SystemExit(main())
