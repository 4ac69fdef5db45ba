"""Screenshots of the Growth page for docs/screenshots (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots_growth.py [--scale 2]

A made-up girl born at 33+2 weeks, measured eight times in her first nine months, on a
fixed date, so the pictures only change when the screens do.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from familyfile.clock import FixedClock  # noqa: E402
from familyfile.domain.child import ChildDraft  # noqa: E402
from familyfile.domain.growth import GrowthDraft  # noqa: E402
from familyfile.services import growth  # noqa: E402
from familyfile.services import session as sessions  # noqa: E402
from familyfile.store.key_header import KdfParams  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MEASURED = [  # date, weight kg, length cm, head cm, who
    ("2024-03-01", "1.95", "43", "30.5", "Neonatal unit"),
    ("2024-03-15", "2.05", "", "", "Neonatal unit"),
    ("2024-04-05", "2.55", "46.5", "33", "Neonatal unit"),
    ("2024-05-10", "3.6", "50.5", "35.5", "Health visitor"),
    ("2024-06-20", "4.7", "55", "37.6", "Health visitor"),
    ("2024-08-15", "5.9", "59.5", "39.6", "Baby clinic"),
    ("2024-10-20", "6.9", "64", "41.5", "Baby clinic"),
    ("2024-12-05", "7.6", "67", "42.8", "Health visitor"),
]


def fill(session: sessions.FamilySession, child_id: str) -> None:
    session.records.add(child_id=child_id, kind="about_me", data={"sex": "female"}, occurred_on=None)
    session.records.add(child_id=child_id, kind="birth", occurred_on="2024-03-01",
                        data={"gestation_weeks": 33, "gestation_days": 2, "birth_weight_kg": 1.95})
    for on, kg, cm, head, who in MEASURED:
        growth.add(session, child_id, GrowthDraft(on, kg, cm, head, measured_by=who))
    first = growth.list_measurements(session, child_id)[0]
    growth.edit(session, first.entry, GrowthDraft("2024-12-05", "7.65", "67", "42.8",
                                                  measured_by="Health visitor"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="text size (2 = 200%%)")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    if args.scale != 1.0:
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * args.scale)
        app.setFont(font)
    from familyfile.ui.main_window import MainWindow
    from familyfile.ui.tasks import TaskRunner

    suffix = "" if args.scale == 1.0 else f"-{args.scale:g}x"
    with tempfile.TemporaryDirectory() as work:
        session = sessions.create(Path(work) / "family.familyfile", "tulip-bicycle-harbour-42",
                                  kdf=FAST_KDF)
        session._vault.clock = FixedClock(datetime(2024, 12, 10, 12, tzinfo=UTC))
        child = session.add_child(ChildDraft("Maya", "Okafor", "2024-03-01"))
        fill(session, child.id)
        window = MainWindow(session, TaskRunner())
        window.resize(1200, 760) if args.scale == 1.0 else window.resize(1366, 768)
        window.show()
        QTest.qWaitForWindowActive(window, 2000)
        window.show_section("growth")
        page = window.pages["growth"]
        for _ in range(5):
            app.processEvents()
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / f"growth-table{suffix}.png"))
        page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        for _ in range(5):
            app.processEvents()
        scroll = page.findChild(QScrollArea)
        if scroll is not None:  # the whole chart, with the reference named under it
            scroll.ensureWidgetVisible(page.chart, 0, 0)  # type: ignore[attr-defined]
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(args.out / f"growth-chart{suffix}.png"))
        window.close()
        window.deleteLater()
        app.processEvents()
        session.close()
    print(f"growth-table{suffix}.png, growth-chart{suffix}.png in {args.out}")


if __name__ == "__main__":
    main()
