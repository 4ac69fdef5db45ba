"""What the screenshot scripts share: the app offscreen at a text scale, a made-up family file
in a throw-away home (cheap key, fixed clock), and saving a picture of a window.

The scripts are run from the repository (``python tests/ui/take_screenshots.py``), so they put
its folder on ``sys.path`` before importing this module.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from familyfile.clock import SYSTEM_CLOCK, Clock  # noqa: E402
from familyfile.services import session as sessions  # noqa: E402
from tests.conftest import FAST_KDF, PASSPHRASE  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "screenshots"


def arguments(parser: argparse.ArgumentParser | None = None) -> argparse.Namespace:
    """``--scale`` (2 doubles the text size, to check nothing is clipped at 200%) and
    ``--out`` (docs/screenshots unless told), with any the script adds to ``parser``."""
    parser = parser or argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="text size (2 = 200%%)")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    return args


def suffix(scale: float) -> str:
    """"" at 100% text, "-2x" at 200%: the end of a picture's name."""
    return "" if scale == 1.0 else f"-{scale:g}x"


def set_text_scale(app: QApplication, scale: float, base: QFont | None = None) -> None:
    font = QFont(base or app.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(font)


def start_app(scale: float) -> QApplication:
    """The application at ``scale`` times the usual text size, with a throw-away home."""
    os.environ["FAMILYFILE_HOME"] = tempfile.mkdtemp(prefix="ff-shots-")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_text_scale(app, scale)
    return app


def new_family(clock: Clock = SYSTEM_CLOCK, folder: Path | None = None,
               **create: object) -> sessions.FamilySession:
    """A new family file (made-up family, cheap key) in ``folder`` or the throw-away home."""
    path = (folder or Path(os.environ["FAMILYFILE_HOME"])) / "family.familyfile"
    return sessions.create(path, PASSPHRASE, kdf=FAST_KDF, clock=clock, **create)  # type: ignore[arg-type]


def settle(widget: QWidget | None = None, rounds: int = 5) -> None:
    """Let layouts and deferred work finish before a picture is taken."""
    for _ in range(rounds):
        QApplication.processEvents()
    if widget is not None:
        widget.repaint()


def save(widget: QWidget, out: Path, name: str) -> Path:
    settle()
    path = out / name
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def show_main(session: sessions.FamilySession, size: tuple[int, int] = (1366, 768)) -> QWidget:
    """The main window on ``session``, shown at ``size``."""
    from familyfile.ui.main_window import MainWindow
    from familyfile.ui.tasks import TaskRunner

    window = MainWindow(session, TaskRunner())
    window.resize(*size)
    window.show()
    return window
