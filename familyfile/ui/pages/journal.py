"""Journal: what the child does as they grow, newest first, with search, filters and photos.

The timeline loads a page at a time as it scrolls (JournalModel). Each row says who wrote
it. Archiving hides an observation and offers Undo; nothing is ever deleted.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain import journal as rules
from familyfile.domain.entry import PARENT, Author, Entry
from familyfile.errors import FamilyFileError
from familyfile.i18n import _, ngettext
from familyfile.services import journal
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.dialogs.entry_form import open_dialog
from familyfile.ui.error_display import show_error
from familyfile.ui.models.journal_model import ENTRY_ROLE, JournalFeed, JournalModel, author_choice, day_text
from familyfile.ui.pages import PAGE_WIDTH, PageContext
from familyfile.ui.pages.journal_form import ObservationDialog
from familyfile.ui.widgets.form import STYLE, field_label, hint, primary_button, secondary_button, title
from familyfile.ui.widgets.journal_timeline import LIST_STYLE, TimelineView

SEARCH_DELAY_MS = 250


class JournalPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.archived: Entry | None = None
        self.setStyleSheet(STYLE + LIST_STYLE)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 16)
        holder = QWidget()
        holder.setMaximumWidth(PAGE_WIDTH)
        holder.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        outer.addStretch(1)
        outer.addWidget(holder, 100)
        outer.addStretch(1)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(title(_("Journal")))
        self.why = hint(_("What your child can do as they grow: what you saw, photos and firsts, by "
                          "area of learning. Anyone helping you can add to it too."))
        column.addWidget(self.why)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search the journal"))
        self.search.setAccessibleName(_("Search the journal"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(qta.icon("mdi6.magnify"), QLineEdit.LeadingPosition)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.add = primary_button(_("Add an observation"), qta.icon("mdi6.plus", color="white"))
        self.add.clicked.connect(self.add_observation)
        top.addWidget(self.search, 1)
        top.addWidget(self.add)
        column.addLayout(top)
        filters = QGridLayout()
        filters.setHorizontalSpacing(12)
        filters.setVerticalSpacing(2)
        self.area = QComboBox()
        self.area.addItem(_("All areas"), None)
        for key in rules.AREAS:
            self.area.addItem(rules.area_name(key), key)
        self.author = QComboBox()
        for place, (box, words) in enumerate(((self.area, _("Area")), (self.author, _("Written by")))):
            label = field_label(words, box)
            box.setAccessibleName(words)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
            # Both share the width and shrink (long names are cut in the box, whole in the list).
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
            box.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            filters.addWidget(label, 0, place)
            filters.addWidget(box, 1, place)
        column.addLayout(filters)

        self.bar = QFrame()
        self.bar.setObjectName("note")
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(12, 6, 12, 6)
        self.bar_text = QLabel()
        self.bar_text.setWordWrap(True)
        self.undo = secondary_button(_("Undo"), qta.icon("mdi6.undo"))
        self.undo.clicked.connect(self.undo_archive)
        bar.addWidget(self.bar_text, 1)
        bar.addWidget(self.undo)
        self.bar.hide()
        column.addWidget(self.bar)
        self.status = hint("")
        column.addWidget(self.status)

        self.model = JournalModel(parent=self)
        self.view = TimelineView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(_("Observations, newest first"))
        self.view.activated.connect(self.edit_observation)
        self.view.archive_requested.connect(self.archive_current)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._enable())
        column.addWidget(self.view, 1)
        self.empty = hint("")
        column.addWidget(self.empty, 1, Qt.AlignTop)

        actions = QHBoxLayout()
        self.edit = secondary_button(_("Change"), qta.icon("mdi6.pencil"))
        self.edit.clicked.connect(lambda: self.edit_observation(self.view.currentIndex()))
        self.archive = secondary_button(_("Archive"), qta.icon("mdi6.archive-arrow-down"))
        self.archive.clicked.connect(self.archive_current)
        scale_icons(self.edit, self.archive, self.undo)
        actions.addWidget(self.edit)
        actions.addWidget(self.archive)
        actions.addStretch(1)
        column.addLayout(actions)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        context.child_selected.connect(self.child_changed)
        context.children_changed.connect(self.child_changed)
        self.child_changed()

    # -- what is shown ----------------------------------------------------------------------
    def child_id(self) -> str | None:
        child = self.context.current_child()
        return child.id if child else None

    def reader(self) -> Author:
        return getattr(self.context.session, "author", PARENT)

    def chosen(self) -> journal.JournalFilter:
        who = self.author.currentData()
        return journal.JournalFilter(area=self.area.currentData(),
                                     author_kind=who[0] if who else None,
                                     author_name=who[1] if who else None)

    def child_changed(self, *_args: object) -> None:
        self.bar.hide()
        self.archived = None
        self._fill_authors()
        self.refresh()

    def _fill_authors(self) -> None:
        child_id = self.child_id()
        keep = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem(_("Everyone"), None)
        found = journal.authors(self.context.session, child_id) if child_id else []
        for author in found:
            self.author.addItem(author_choice(author, self.reader()), (author.kind, author.name))
        self.author.setCurrentIndex(max(self.author.findData(keep), 0))
        self.author.blockSignals(False)

    def refresh(self) -> None:
        self._search_timer.stop()
        session, child_id = self.context.session, self.child_id()
        query, chosen = self.search.text().strip(), self.chosen()
        if child_id is None:
            self.model.set_feed(JournalFeed(lambda _o, _l: []))
        elif query:
            self.model.set_feed(self._feed(
                lambda offset, limit: journal.search(session, child_id, query, limit, offset, chosen)))
        else:
            self.model.set_feed(self._feed(
                lambda offset, limit: journal.timeline(session, child_id, chosen, limit=limit,
                                                       offset=offset)))
        self._describe(child_id, query, chosen)
        self._enable()

    def _feed(self, fetch: Callable[[int, int], list[Entry]]) -> JournalFeed:
        session = self.context.session
        return JournalFeed(fetch, lambda entry_id: journal.first_thumbnail(session, entry_id),
                           lambda ids: journal.photo_counts(session, ids), self.reader())

    def _describe(self, child_id: str | None, query: str, chosen: journal.JournalFilter) -> None:
        rows = self.model.rowCount()
        filtered = chosen != journal.JournalFilter()
        if child_id is None:
            text, empty = "", _("Add a child first: the journal is about one child.")
        elif query:
            text = _("Observations with the words \u201c{words}\u201d.").format(words=query)
            empty = _("Nothing found for \u201c{words}\u201d. Try fewer or shorter words.").format(
                words=query)
        else:
            total = journal.timeline_count(self.context.session, child_id, chosen)
            text = ngettext("{n} observation, newest first.", "{n} observations, newest first.",
                            total).format(n=total)
            empty = (_("No observations match these choices. Choose \u201cAll areas\u201d and "
                       "\u201cEveryone\u201d to see them all.") if filtered else
                     _("Nothing here yet. Add the first thing you noticed: a smile, a new word, "
                       "a first step."))
        self.status.setText(text if rows else "")
        self.status.setVisible(bool(rows))
        self.empty.setText(empty)
        self.empty.setAccessibleName(empty)
        self.empty.setVisible(rows == 0)
        self.view.setVisible(rows > 0)
        self.add.setEnabled(child_id is not None)

    def _enable(self) -> None:
        chosen = self.view.currentIndex().isValid()
        self.edit.setEnabled(chosen)
        self.archive.setEnabled(chosen)

    def shown_texts(self) -> list[str]:
        """The words of every loaded row (for tests and screen readers)."""
        return [self.model.describe(self.model.entry(r)) for r in range(self.model.rowCount())]

    # -- changing ---------------------------------------------------------------------------
    def add_observation(self) -> ObservationDialog | None:
        child_id = self.child_id()
        if child_id is None:
            return None
        self.dialog = ObservationDialog(self.context, child_id, None, self)
        return open_dialog(self.dialog, lambda _entry: self._saved(_("Saved. The observation is in "
                                                                      "the journal.")))

    def edit_observation(self, index: QModelIndex) -> ObservationDialog | None:
        child_id = self.child_id()
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        if child_id is None or entry is None:
            return None
        fresh = self.context.session.records.get(entry.id)  # the latest version, not a stale one
        self.dialog = ObservationDialog(self.context, child_id, fresh, self)
        return open_dialog(self.dialog, lambda _entry: self._saved(_("Saved. Your changes are kept, "
                                                                      "and so is what it said before.")))

    def _saved(self, words: str) -> None:
        self._fill_authors()
        self.refresh()
        self._show_bar(words, undo=False)
        self.view.setFocus(Qt.OtherFocusReason)

    def _show_bar(self, words: str, *, undo: bool) -> None:
        self.bar_text.setText(words)
        self.bar_text.setAccessibleName(words)
        self.undo.setVisible(undo)
        self.bar.show()

    def archive_current(self) -> None:
        index = self.view.currentIndex()
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is None:
            return
        try:
            self.archived = journal.archive(self.context.session, entry)
        except FamilyFileError as exc:
            show_error(self, exc)
            return
        row = index.row()
        self.refresh()
        when = day_text(journal.observation(entry).observed_on)
        self._show_bar(_("The observation from {date} is archived: it is hidden, not deleted.").format(
            date=when), undo=True)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
            self.view.setFocus(Qt.OtherFocusReason)
        else:
            self.undo.setFocus(Qt.OtherFocusReason)

    def undo_archive(self) -> None:
        if self.archived is None:
            return
        try:
            journal.restore(self.context.session, self.archived)
        except FamilyFileError as exc:
            show_error(self, exc)
            return
        self.archived = None
        self.refresh()
        self._show_bar(_("Brought back. The observation is in the journal again."), undo=False)
        self.view.setFocus(Qt.OtherFocusReason)
