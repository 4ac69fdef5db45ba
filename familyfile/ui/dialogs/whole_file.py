"""Export the whole family file (to move it to another computer) and import one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from familyfile.i18n import _
from familyfile.services import locations
from familyfile.services import session as sessions
from familyfile.ui.dialogs import inform, start_task
from familyfile.ui.tasks import TaskRunner

EXPORT_SUFFIX = ".ffexport"
FILE_SUFFIX = ".familyfile"


def _with_suffix(text: str, suffix: str) -> Path:
    path = Path(text)
    return path if path.suffix == suffix else path.with_name(path.name + suffix)


def export_whole_file(parent: QWidget, session: sessions.FamilySession, tasks: TaskRunner) -> bool:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Export whole family file"), str(Path.home() / f"family-file-export{EXPORT_SUFFIX}"),
        _("Family File export (*{suffix})").format(suffix=EXPORT_SUFFIX))
    if not chosen:
        return False
    out = _with_suffix(chosen, EXPORT_SUFFIX)

    def done(_result: object) -> None:
        inform(parent, _("Exported"), _(
            "Exported. It opens with the same passphrase or recovery key. Keep it safe: anyone "
            "who has this file and your passphrase can read everything in it. Keep it on a USB "
            "stick or disk that only your family uses, and delete it when you have moved it."))

    return start_task(tasks, parent, _("Exporting the family file…"),
                      lambda: session.export_whole_file(out), done)


def import_whole_file(parent: QWidget, tasks: TaskRunner, open_now: Path | None = None) -> bool:
    """Put an export in a new place (checked first); the person then opens it from there.
    ``open_now`` is the family file open in this window: it cannot be replaced while open."""
    source, _filter = QFileDialog.getOpenFileName(
        parent, _("Choose the export to import"), str(Path.home()),
        _("Family File export (*{suffix})").format(suffix=EXPORT_SUFFIX))
    if not source:
        return False
    target_text, _filter = QFileDialog.getSaveFileName(
        parent, _("Where to keep the imported family file"),
        str(locations.data_dir() / f"imported{FILE_SUFFIX}"),
        _("Family File (*{suffix})").format(suffix=FILE_SUFFIX))
    if not target_text:
        return False
    target = _with_suffix(target_text, FILE_SUFFIX)
    if open_now is not None and target.resolve() == Path(open_now).resolve():
        inform(parent, _("Choose another place"), _(
            "That is the family file you have open now. Choose another name or folder for the "
            "imported one."))
        return False
    passphrase, ok = QInputDialog.getText(
        parent, _("Passphrase of the export"),
        _("Type the passphrase that opened the family file when it was exported."),
        QLineEdit.Password)
    if not ok or not passphrase:
        return False

    def done(_result: object) -> None:
        inform(parent, _("Imported"), _(
            "Imported and checked. To use it, choose File, then \"Open another family file…\", "
            "and pick {name}.").format(name=target.name))

    return start_task(tasks, parent, _("Importing the family file…"),
                      lambda: sessions.import_whole_file(Path(source), target, passphrase), done)
