"""Screenshots of "Who can see this?", its dialog, the share preview and "Who has seen what".

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots_consent.py [--scale 2]

Writes docs/screenshots/consent.png, consent-dialog.png, share-preview.png and
sharing-log.png (with ``-2x`` before ``.png`` at ``--scale 2``). The family is made up.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def save(widget: QWidget, out: Path, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(out / name))
    print(out / name)


def scroll_to(page: QWidget, target: QWidget) -> None:
    area = page.findChild(QScrollArea)
    assert area is not None
    for _ in range(3):
        QApplication.processEvents()
    area.verticalScrollBar().setValue(target.mapTo(area.widget(), target.rect().topLeft()).y() - 12)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args()
    os.environ["FAMILYFILE_HOME"] = tempfile.mkdtemp(prefix="ff-consent-shots-")
    app = QApplication(sys.argv[:1])
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * args.scale)
    app.setFont(font)
    suffix = "" if args.scale == 1.0 else f"-{args.scale:g}x"

    from familyfile.domain.consent import Purpose
    from familyfile.services import sharing
    from familyfile.ui.main_window import MainWindow
    from familyfile.ui.tasks import TaskRunner
    from tests.ui.consent_family import consenting_child, open_session

    session = open_session(Path(os.environ["FAMILYFILE_HOME"]) / "family.familyfile")
    try:
        family = consenting_child(session)
        for who, purpose, fmt, choose in ((family.hv, Purpose("care"), "pdf", ()),
                                          (family.nursery, Purpose("education"), "qr",
                                           ("involvement",))):
            chosen = sharing.selection(session, family.child_id, who, purpose, choose)
            sharing.record_share(session, family.child_id, who, purpose, chosen, fmt, b"made up")
            session.clock.advance(timedelta(hours=26, minutes=17))
        window = MainWindow(session, TaskRunner())
        window.resize(1366, 768)
        window.show()
        window.show_section("consent")
        page = window.pages["consent"]
        save(window, args.out, f"consent{suffix}.png")

        page.view.setCurrentIndex(page.index_of(family.hv.id, "identity"))
        dialog = page.open_cell(page.index_of(family.hv.id, "identity"))
        assert dialog is not None
        save(dialog, args.out, f"consent-dialog{suffix}.png")
        dialog.reject()

        page.check.choose(family.nursery.id, "care")
        page.check.check()
        page.check.preview.set_choice(family.sensitive_id, True)
        scroll_to(page, page.check)
        save(window, args.out, f"share-preview{suffix}.png")

        window.show_section("sharing_log")
        save(window, args.out, f"sharing-log{suffix}.png")
        window.close()
    finally:
        session.close()


if __name__ == "__main__":
    main()
