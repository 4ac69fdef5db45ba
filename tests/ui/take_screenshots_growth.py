"""Screenshots of the Growth page for docs/screenshots (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots_growth.py [--scale 2]

A made-up girl born at 33+2 weeks, measured eight times in her first nine months, on a
fixed date, so the pictures only change when the screens do.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QScrollArea  # noqa: E402

from familyfile.clock import FixedClock  # noqa: E402
from familyfile.domain.child import ChildDraft  # noqa: E402
from familyfile.domain.growth import GrowthDraft  # noqa: E402
from familyfile.services import growth  # noqa: E402
from familyfile.services import session as sessions  # noqa: E402
from tests.ui.shots import arguments, new_family, save, settle, show_main, start_app, suffix  # noqa: E402

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
    args = arguments()
    app = start_app(args.scale)
    end = suffix(args.scale)
    with tempfile.TemporaryDirectory() as work:
        session = new_family(FixedClock(datetime(2024, 12, 10, 12, tzinfo=UTC)), Path(work))
        child = session.add_child(ChildDraft("Maya", "Okafor", "2024-03-01"))
        fill(session, child.id)
        window = show_main(session, (1200, 760) if args.scale == 1.0 else (1366, 768))
        window.show_section("growth")  # type: ignore[attr-defined]
        page = window.pages["growth"]  # type: ignore[attr-defined]
        save(window, args.out, f"growth-table{end}.png")
        page.tabs.setCurrentIndex(1)
        settle()
        scroll = page.findChild(QScrollArea)
        if scroll is not None:  # the whole chart, with the reference named under it
            scroll.ensureWidgetVisible(page.chart, 0, 0)
        save(window, args.out, f"growth-chart{end}.png")
        window.close()
        window.deleteLater()
        app.processEvents()
        session.close()


if __name__ == "__main__":
    main()
