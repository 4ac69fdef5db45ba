"""Screenshots of the main window and its dialogs for docs/screenshots (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots.py [--scale 2] [--out DIR]
        [--only-overview]

``--scale 2`` doubles the text size, to check nothing is clipped at 200%. The family in the
pictures is made up, on a fixed date, so the pictures only change when the screens do.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from familyfile.clock import FixedClock  # noqa: E402
from familyfile.domain.child import ChildDraft  # noqa: E402
from familyfile.services import session as sessions  # noqa: E402
from familyfile.store.key_header import KdfParams  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # made-up family: cheap key
PASSPHRASE = "tulip-bicycle-harbour-42"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def save(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(out / name))
    print(out / name)


def overview(out: Path, scale: float) -> None:
    """The overview of a made-up one-year-old with alerts, vaccinations due, growth, a journal
    and appointments: ``main-overview.png`` (the README shows it), or ``main-overview-2x.png``."""
    from familyfile.ui.main_window import MainWindow
    from familyfile.ui.tasks import TaskRunner
    from tests.record.test_overview_service import NOW, realistic_child

    path = Path(tempfile.mkdtemp(prefix="ff-overview-")) / "family.familyfile"
    session = sessions.create(path, PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(NOW))
    try:
        realistic_child(session)
        session.backup_now("auto")
        window = MainWindow(session, TaskRunner())
        window.resize(1366, 768)
        window.show()
        suffix = "" if scale == 1.0 else f"-{scale:g}x"
        save(window, out, f"main-overview{suffix}.png")
        window.close()
    finally:
        session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=DOCS)
    parser.add_argument("--only-overview", action="store_true", help="just main-overview*.png")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["FAMILYFILE_HOME"] = tempfile.mkdtemp(prefix="ff-shots-")

    app = QApplication(sys.argv[:1])
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * args.scale)
    app.setFont(font)

    if args.only_overview:
        overview(args.out, args.scale)
        return
    from familyfile.ui.dialogs.backups import BackupsDialog
    from familyfile.ui.dialogs.change_passphrase import ChangePassphraseDialog
    from familyfile.ui.main_window import MainWindow
    from familyfile.ui.tasks import TaskRunner

    clock = FixedClock(datetime(2025, 11, 20, 10, 31, tzinfo=UTC))
    path = Path(os.environ["FAMILYFILE_HOME"]) / "family.familyfile"
    session = sessions.create(path, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    try:
        session.add_child(ChildDraft("Amara", "Okafor", "2024-03-27"))
        clock.advance(timedelta(days=-2))
        session.backup_now("on-close")
        clock.advance(timedelta(days=1, hours=3))
        session.backup_now("auto")
        clock.advance(timedelta(hours=21))
        session.backup_now("manual")
        tasks = TaskRunner()
        overview(args.out, args.scale)
        window = MainWindow(session, tasks)
        window.resize(1366, 768)
        window.show()

        window.show_section("children")
        page = window.pages["children"]
        page.family.setText("Okafor")
        page.born.setFocus(Qt.TabFocusReason)
        page.born.setDate(page.born.date().addYears(-1))
        page.save.click()
        save(window, args.out, "children-add.png")

        backups = BackupsDialog(window.context, window)
        backups.show()
        save(backups, args.out, "backups.png")
        backups.close()

        change = ChangePassphraseDialog(session, tasks, window)
        change.show()
        change.new.first.edit.setText("sunflower")
        change.new.second.edit.setText("sunflowers")
        change.change.click()
        save(change, args.out, "change-passphrase.png")
        change.close()
        window.close()
    finally:
        session.close()


if __name__ == "__main__":
    main()
