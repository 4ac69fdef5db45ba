"""The recovery key, big and in numbered groups, with "Save as PDF…" and "Print…"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from familyfile.errors import FamilyFileError
from familyfile.export.recovery_sheet import sheet_html, write_recovery_sheet
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.ui.widgets.form import FieldError, scaled_font, secondary_button

COLUMNS = 3


class RecoverySheetPanel(QWidget):
    """Shows ``key_text`` ("ABCD-EFGH-…"); ``saved`` / ``printed`` fire when it is kept."""

    saved = Signal(Path)
    printed = Signal()

    def __init__(self, key_text: str, created: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_text = key_text
        self.created = created
        self.groups = key_text.split("-")
        box = QFrame(self)
        box.setObjectName("card")
        grid = QGridLayout(box)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(0)
        mono = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        mono.setPointSizeF(scaled_font(self, 1.9).pointSizeF())
        mono.setBold(True)
        for index, group in enumerate(self.groups):
            row, column = divmod(index, COLUMNS)
            number = QLabel(_("Group {n}").format(n=index + 1), box)
            number.setObjectName("hint")
            text = QLabel(group, box)
            text.setFont(mono)
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)
            text.setAccessibleName(_("Group {n}: {letters}").format(
                n=index + 1, letters=" ".join(group)))
            grid.addWidget(number, row * 3, column)
            grid.addWidget(text, row * 3 + 1, column)
            grid.setRowMinimumHeight(row * 3 + 2, 10)
        box.setAccessibleName(_("Your recovery key"))
        self.save_button = secondary_button(_("Save recovery sheet as PDF…"),
                                            qta.icon("mdi6.file-pdf-box"))
        self.print_button = secondary_button(_("Print recovery sheet…"), qta.icon("mdi6.printer"))
        self.save_button.clicked.connect(self.choose_and_save)
        self.print_button.clicked.connect(self.print_sheet)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        self.error = FieldError(self)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

    def choose_and_save(self) -> None:
        suggested = Path.home() / _("Family File recovery sheet.pdf")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save recovery sheet"), str(suggested), _("PDF document (*.pdf)"))
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, out: Path) -> bool:
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            write_recovery_sheet(out, self.key_text, self.created)
        except (FamilyFileError, OSError) as exc:
            self.error.show_message(user_message(exc))
            return False
        self.error.clear_message()
        self._say(_("Saved to {place}. Print it, or copy it somewhere safe that is not this "
                    "computer.").format(place=out.name))
        self.saved.emit(out)
        return True

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print recovery sheet"))
        if dialog.exec() != QDialog.Accepted:
            return
        document = QTextDocument()
        document.setHtml(sheet_html(self.key_text, self.created))
        document.print_(printer)
        self._say(_("Sent to the printer. Check that every group printed clearly."))
        self.printed.emit()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.show()
