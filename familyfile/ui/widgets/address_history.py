"""Where the child has lived: a table of dated addresses, with add, change and remove.
Overlapping dates are pointed out in a calm note (they are still saved)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QWidget

from familyfile.errors import FamilyFileError
from familyfile.i18n import _
from familyfile.services import about_me as about
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs import confirm
from familyfile.ui.dialogs.address_dialog import AddressDialog
from familyfile.ui.dialogs.entry_form import open_dialog
from familyfile.ui.error_display import show_error
from familyfile.ui.models.family_models import AddressesModel
from familyfile.ui.pages.overview import card
from familyfile.ui.widgets.fitted_table import FittedTable
from familyfile.ui.widgets.form import hint, note, secondary_button


class AddressHistory(QWidget):
    def __init__(self, session: FamilySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id: str | None = None
        frame, body, _heading = card(_("Where I have lived"))
        body.addWidget(hint(_("Every address, with the dates. Records often get lost when a "
                              "family moves.")))
        self.model = AddressesModel(parent=self)
        self.table = FittedTable(self.model, _("Address history"))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.activated.connect(lambda _index: self.change())  # double-click or Enter
        self.empty = hint(_("No address yet. Add where the child lives now."))
        self.warnings = note("")
        self.add_button = secondary_button(_("Add an address"), qta.icon("mdi6.home-plus"))
        self.change_button = secondary_button(_("Change address"), qta.icon("mdi6.pencil"))
        self.remove_button = secondary_button(_("Remove address"),
                                              qta.icon("mdi6.archive-outline"))
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        body.addWidget(self.warnings)
        body.addWidget(self.empty)
        body.addWidget(self.table)
        body.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def show_child(self, child_id: str | None) -> None:
        self.child_id = child_id
        self.refresh()

    def refresh(self) -> None:
        items = about.addresses(self.session, self.child_id) if self.child_id else []
        self.model.set_items(items)
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        warnings = about.address_warnings(self.session, self.child_id) if self.child_id else []
        label = self.warnings.findChild(QLabel, "noteText")
        if label is not None:
            label.setText("\n".join(warnings))
            label.setAccessibleName("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        if items:  # Change and Remove always have a row to act on
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.table.selectionModel().hasSelection()
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(self.child_id is not None)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def add(self) -> AddressDialog | None:
        if self.child_id is None:
            return None
        dialog = AddressDialog(self.session, self.child_id, parent=self)
        open_dialog(dialog, lambda _entry: self.refresh())
        return dialog

    def change(self) -> AddressDialog | None:
        row = self.selected_row()
        if row is None or self.child_id is None:
            return None
        dialog = AddressDialog(self.session, self.child_id, self.model.item(row).entry, self)
        open_dialog(dialog, lambda _entry: self.refresh())
        return dialog

    def remove(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        item = self.model.item(row)

        def archive() -> None:
            try:
                about.archive(self.session, item.entry)
            except FamilyFileError as exc:
                show_error(self, exc)
            self.refresh()

        confirm(self, _("Remove this address?"),
                _("{address} will no longer be shown. It is kept in the family file's "
                  "history.").format(address=item.value.one_line),
                _("Remove address"), archive)
        self.table.setFocus(Qt.OtherFocusReason)
