"""Screenshots of the main window and its dialogs for docs/screenshots (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots.py [--scale 2] [--out DIR]
        [--only-overview]

``--scale 2`` doubles the text size, to check nothing is clipped at 200%. The family in the
pictures is made up, on a fixed date, so the pictures only change when the screens do.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402

from familyfile.clock import FixedClock  # noqa: E402
from familyfile.domain.child import ChildDraft  # noqa: E402
from tests.ui.shots import arguments, new_family, save, show_main, start_app, suffix  # noqa: E402


def overview(out: Path, scale: float) -> None:
    """The overview of a made-up one-year-old with alerts, vaccinations due, growth, a journal
    and appointments: ``main-overview.png`` (the README shows it), or ``main-overview-2x.png``."""
    from tests.record.test_overview_service import NOW, realistic_child

    session = new_family(FixedClock(NOW), Path(tempfile.mkdtemp(prefix="ff-overview-")))
    try:
        realistic_child(session)
        session.backup_now("auto")
        window = show_main(session)
        save(window, out, f"main-overview{suffix(scale)}.png")
        window.close()
    finally:
        session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only-overview", action="store_true", help="just main-overview*.png")
    args = arguments(parser)
    start_app(args.scale)

    if args.only_overview:
        overview(args.out, args.scale)
        return
    from familyfile.ui.dialogs.backups import BackupsDialog
    from familyfile.ui.dialogs.change_passphrase import ChangePassphraseDialog

    clock = FixedClock(datetime(2025, 11, 20, 10, 31, tzinfo=UTC))
    session = new_family(clock)
    try:
        session.add_child(ChildDraft("Amara", "Okafor", "2024-03-27"))
        clock.advance(timedelta(days=-2))
        session.backup_now("on-close")
        clock.advance(timedelta(days=1, hours=3))
        session.backup_now("auto")
        clock.advance(timedelta(hours=21))
        session.backup_now("manual")
        overview(args.out, args.scale)
        window = show_main(session)

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

        change = ChangePassphraseDialog(session, window.tasks, window)
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
