"""Screenshots of the share wizard, step by step, and the full-screen QR viewer.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots_share.py [--scale 2]

Writes docs/screenshots/share-wizard-1-who.png … share-wizard-5-done.png and
share-wizard-qr.png (with ``-2x`` before ``.png`` at ``--scale 2``). The family is made up.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

from tests.ui.shots import arguments, save, set_text_scale, settle, suffix  # noqa: E402


def scroll_to(widget: QWidget, target: QWidget) -> None:
    area = widget.findChild(QScrollArea)
    assert area is not None
    settle()
    area.verticalScrollBar().setValue(target.mapTo(area.widget(), target.rect().topLeft()).y() - 12)


def main() -> None:
    args = arguments()
    os.environ["FAMILYFILE_HOME"] = tempfile.mkdtemp(prefix="ff-share-shots-")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_text_scale(app, args.scale)
    end = suffix(args.scale)

    from familyfile.ui.dialogs.share_wizard import ShareWizard
    from familyfile.ui.pages import PageContext
    from familyfile.ui.tasks import TaskRunner
    from tests.ui.consent_family import consenting_child, open_session

    home = Path(os.environ["FAMILYFILE_HOME"])
    session = open_session(home / "family.familyfile")
    tasks = TaskRunner()
    try:
        family = consenting_child(session)
        wizard = ShareWizard(PageContext(session, tasks))
        wizard.resize(1000, 740) if args.scale == 1.0 else wizard.resize(1366, 768)
        wizard.show()
        wizard.who.choose(family.hv.id)
        save(wizard, args.out, f"share-wizard-1-who{end}.png")
        wizard.go_next()
        save(wizard, args.out, f"share-wizard-2-why{end}.png")
        wizard.go_next()
        wizard.what.preview.set_choice("involvement", True)
        wizard.what.boxes["growth"].setChecked(False)
        save(wizard, args.out, f"share-wizard-3-what{end}.png")
        scroll_to(wizard, wizard.what.preview.held_frame)
        save(wizard, args.out, f"share-wizard-3-what-held-back{end}.png")
        wizard.what.boxes["growth"].setChecked(True)
        wizard.go_next()
        save(wizard, args.out, f"share-wizard-4-how{end}.png")
        wizard.go_next()
        tasks.wait_idle()
        for _ in range(50):
            settle()
            if wizard.index == 4:
                break
        viewer = wizard.viewer
        assert viewer is not None
        viewer.showNormal()
        viewer.resize(1366, 768)
        viewer.next()
        save(viewer, args.out, f"share-wizard-qr{end}.png")
        viewer.close()
        save(wizard, args.out, f"share-wizard-5-done{end}.png")
        wizard.close()
    finally:
        tasks.wait_idle()
        session.close()


if __name__ == "__main__":
    main()
