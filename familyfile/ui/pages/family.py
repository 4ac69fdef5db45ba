"""Family: the people who look after the children and who has parental responsibility;
and which children are shown (a child can be archived — hidden, never deleted — and back)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain.child import Child
from familyfile.domain.entry import Entry
from familyfile.errors import FamilyFileError
from familyfile.i18n import _
from familyfile.services import about_me as about
from familyfile.services import family
from familyfile.ui.dialogs import confirm
from familyfile.ui.dialogs.carer_dialog import CarerDialog
from familyfile.ui.dialogs.entry_form import open_dialog
from familyfile.ui.error_display import show_error
from familyfile.ui.models.family_models import CarersModel
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.overview import card, date_text
from familyfile.ui.widgets.fitted_table import FittedTable
from familyfile.ui.widgets.form import STYLE, hint, para, primary_button, secondary_button


class FamilyPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = context.session
        self.setStyleSheet(STYLE)
        column, _title, _why = page_column(
            self, _("Family"),
            _("The people who look after the children, and who has parental responsibility."))
        self.add_button = primary_button(_("Add a carer"), qta.icon("mdi6.account-plus",
                                                                    color="white"))
        self.add_button.clicked.connect(self.add)
        column.addWidget(self.add_button)

        frame, body, _heading = card(_("Carers"))
        self.responsibility = para("")
        body.addWidget(self.responsibility)
        self.model = CarersModel(parent=self)
        self.table = FittedTable(self.model, _("Carers"))
        self.table.activated.connect(lambda _index: self.change())  # double-click or Enter
        self.empty = hint(_("No one added yet. Add the parents or carers, so a professional "
                            "knows who to talk to."))
        self.change_button = secondary_button(_("Change carer"), qta.icon("mdi6.pencil"))
        self.remove_button = secondary_button(_("Remove carer"), qta.icon("mdi6.archive-outline"))
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        body.addWidget(self.empty)
        body.addWidget(self.table)
        body.addLayout(buttons)
        body.addWidget(hint(_("Parental responsibility means the legal right to make decisions "
                              "for a child, such as agreeing to treatment.")))
        column.addWidget(frame)

        kids, self.kids_body, _kids_heading = card(_("Children in this family file"))
        self.kids_body.addWidget(hint(_("Archiving hides a child from the list. Nothing is "
                                        "deleted, and you can bring them back here.")))
        self.kids_rows = QVBoxLayout()
        self.kids_body.addLayout(self.kids_rows)
        column.addWidget(kids)
        column.addStretch(1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        context.children_changed.connect(self.refresh_children)
        self.refresh()

    # -- carers ------------------------------------------------------------------------------
    def refresh(self) -> None:
        items = family.carers(self.session)
        self.model.set_items(items)
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        holders = [i.value.name for i in items if i.value.parental_responsibility == "yes"]
        self.responsibility.setText(
            _("Parental responsibility: {names}.").format(names=", ".join(holders)) if holders
            else _("Nobody is recorded as having parental responsibility yet."))
        self.responsibility.setAccessibleName(self.responsibility.text())
        self.responsibility.setVisible(bool(items))
        if items:  # Change and Remove always have a row to act on
            self.table.selectRow(0)
        self._update_buttons()
        self.refresh_children()

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.table.selectionModel().hasSelection()
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def add(self) -> CarerDialog:
        return open_dialog(CarerDialog(self.session, parent=self),
                           lambda _entry: self.refresh())

    def change(self) -> CarerDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = CarerDialog(self.session, self.model.item(row).entry, self)
        open_dialog(dialog, lambda _entry: self.refresh())
        return dialog

    def remove(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        item = self.model.item(row)
        confirm(self, _("Remove this carer?"),
                _("{name} will no longer be shown. They are kept in the family file's "
                  "history.").format(name=item.value.name),
                _("Remove carer"), lambda: self._archive(item.entry))

    def _archive(self, entry: Entry) -> None:
        try:
            about.archive(self.session, entry)
        except FamilyFileError as exc:
            show_error(self, exc)
        self.refresh()

    # -- children shown or archived --------------------------------------------------------------
    def refresh_children(self) -> None:
        while self.kids_rows.count():
            row = self.kids_rows.takeAt(0).widget()
            if row is not None:
                row.deleteLater()
        shown = [(c, False) for c in self.session.children()]
        hidden = [(c, True) for c in family.archived_children(self.session)]
        for child, archived in shown + hidden:
            self.kids_rows.addWidget(self._child_row(child, archived))

    def _child_row(self, child: Child, archived: bool) -> QFrame:
        row = QFrame()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 2, 0, 2)
        words = _("{name} · born {date}").format(name=child.display_name, date=date_text(child))
        if archived:
            words += " · " + _("archived")
        label = QLabel(words)
        label.setWordWrap(True)
        label.setAccessibleName(words)
        button: QPushButton = secondary_button(
            _("Bring back") if archived else _("Archive"),
            qta.icon("mdi6.archive-arrow-up-outline" if archived else "mdi6.archive-outline"))
        button.setAccessibleName((_("Bring back {name}") if archived else _("Archive {name}"))
                                 .format(name=child.display_name))
        button.clicked.connect(lambda _c=False, cid=child.id, a=archived: self._archive_child(
            cid, child.display_name, a))
        line.addWidget(label, 1)
        line.addWidget(button, 0, Qt.AlignRight)
        return row

    def _archive_child(self, child_id: str, name: str, archived: bool) -> None:
        def run() -> None:
            try:
                if archived:
                    family.unarchive_child(self.session, child_id)
                else:
                    family.archive_child(self.session, child_id)
            except FamilyFileError as exc:
                show_error(self, exc)
            self.context.children_changed.emit()

        if archived:
            run()
            return
        confirm(self, _("Archive {name}?").format(name=name),
                _("{name} will be hidden from the list of children. Nothing in their record is "
                  "deleted, and you can bring them back on this page.").format(name=name),
                _("Archive"), run)
