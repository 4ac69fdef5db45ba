"""Private and sensitive entries: the family marks any entry so it is never shared, or
only shared when they choose it at the moment of sharing."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QTableView, QWidget

from familyfile.errors import FamilyFileError
from familyfile.i18n import _
from familyfile.services import entry_marks
from familyfile.ui.error_display import show_error
from familyfile.ui.models.marks_model import MarksModel, mark_words
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.widgets.form import STYLE, field_label, note, secondary_button


class EntryMarksPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE)
        column, _heading, _why = page_column(
            self, _("Private and sensitive"),
            _("Mark anything you never want shared as private. Mark things you only want to share "
              "when you choose them, each time, as sensitive."))
        column.addWidget(note(_("Private entries stay in your family file and never leave it, "
                                "whatever you agreed. Sensitive entries are only shared when you "
                                "tick them while sharing.")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Type to find an entry"))
        self.search.setAccessibleName(_("Find an entry"))
        column.addWidget(field_label(_("Find an entry"), self.search))
        column.addWidget(self.search)
        self.model = MarksModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Entries and who can see them"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(320)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.buttons = {
            "default": secondary_button(_("Follow my choices")),
            "sensitive": secondary_button(_("Mark sensitive")),
            "private": secondary_button(_("Mark private")),
        }
        for mark, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, m=mark: self.set_mark(m))
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        rows = entry_marks.markable(self.context.session, child.id) if child else []
        self.model.reset_rows(rows)
        self.table.resizeColumnsToContents()
        for button in self.buttons.values():
            button.setEnabled(bool(rows))

    def chosen(self) -> entry_marks.MarkRow | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        return self.model.row(self.proxy.mapToSource(selected[0]).row())

    def set_mark(self, mark: str) -> None:
        row = self.chosen()
        if row is None:
            self.status.setText(_("Choose an entry in the table first."))
            return
        try:
            entry_marks.set_mark(self.context.session, row.entry_id, mark)
        except FamilyFileError as exc:  # shown as a plain sentence; nothing changed
            show_error(self, exc)
            return
        self.status.setText(_("Saved: {entry} — {words}.").format(
            entry=row.summary, words=mark_words(mark)))
        chosen_id = row.entry_id
        self.refresh()
        self.select(chosen_id)

    def select(self, entry_id: str) -> None:
        for number in range(self.model.rowCount()):
            if self.model.row(number).entry_id == entry_id:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                self.table.selectRow(index.row())
                return
