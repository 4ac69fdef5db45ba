"""Milestones: one milestone per row, three big answer buttons, a friendly note where it
may help to talk to the health visitor. The band for the child's (corrected) age first."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain import milestones as rules
from familyfile.domain.journal import area_name
from familyfile.errors import FamilyFileError
from familyfile.i18n import _
from familyfile.services import milestones
from familyfile.services.milestones import Checklist, MilestoneStatus
from familyfile.ui.error_display import show_error
from familyfile.ui.models.journal_model import day_text
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.overview import card
from familyfile.ui.widgets.date_edit import DateEdit
from familyfile.ui.widgets.form import STYLE, field_label, hint, note, para, scaled_font

ANSWER_STYLE = """
QFrame#milestone { background: white; border: 1px solid #b1b4b6; border-radius: 6px; }
QPushButton#answer { background: white; color: #0b0c0c; border: 2px solid #505a5f;
    border-radius: 6px; padding: 0.55em 1.1em; font-weight: bold; min-width: 6.5em; }
QPushButton#answer:hover { background: #f3f2f1; }
QPushButton#answer:checked { background: #1d70b8; color: white; border-color: #1d70b8; }
QPushButton#answer:focus { border: 3px solid #ffdd00; }
"""


class MilestoneRow(QFrame):
    """One milestone: its words, the usual age, Not yet / Sometimes / Yes, first seen, a note."""

    answered = Signal(str, str, str)  # milestone id, answer, first seen ("" for the default)

    def __init__(self, status: MilestoneStatus, latest: QDate, earliest: QDate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("milestone")
        self.milestone = status.milestone
        body = QVBoxLayout(self)
        body.setContentsMargins(14, 10, 14, 12)
        words = rules.milestone_text(self.milestone)
        self.text = para(words)
        self.text.setFont(scaled_font(self.text, 1.1, bold=True))
        body.addWidget(self.text)
        body.addWidget(hint(rules.typically_text(self.milestone)))
        line = QHBoxLayout()
        # Not an exclusive QButtonGroup: that makes Tab skip to the next row and the arrow keys
        # answer. Here each button is one Tab stop and Space presses it; show_status checks one.
        self.buttons: dict[str, QPushButton] = {}
        for key in rules.ANSWERS:
            button = QPushButton(rules.answer_text(key))
            button.setObjectName("answer")
            button.setCheckable(True)
            button.setCursor(Qt.PointingHandCursor)
            button.setAccessibleName(rules.answer_text(key))
            button.setAccessibleDescription(words)
            button.clicked.connect(lambda _checked=False, k=key: self._chosen(k))
            self.buttons[key] = button
            line.addWidget(button)
        line.addStretch(1)
        body.addLayout(line)
        self.seen_row = QWidget()
        seen = QHBoxLayout(self.seen_row)
        seen.setContentsMargins(0, 4, 0, 0)
        self.seen = DateEdit()
        self.seen.set_latest(latest)
        self.seen.setMinimumDate(earliest)
        label = field_label(_("First seen"), self.seen)
        self.seen.setAccessibleName(_("First seen"))
        self.seen.setAccessibleDescription(words)
        self.seen.editingFinished.connect(self._date_changed)
        self.seen.calendarWidget().clicked.connect(lambda _d: self._date_changed())
        seen.addWidget(label)
        seen.addWidget(self.seen)
        seen.addStretch(1)
        body.addWidget(self.seen_row)
        self.note = note(rules.prompt_text())
        body.addWidget(self.note)
        self.status = status
        self.show_status(status)

    def show_status(self, status: MilestoneStatus) -> None:
        self.status = status
        key = status.answer_key
        for answer, button in self.buttons.items():
            button.setChecked(answer == key)
            # Not by colour alone: the chosen answer also has a tick.
            button.setIcon(qta.icon("mdi6.check-bold", color="white") if answer == key else QIcon())
        first = status.answer.first_seen if status.answer else None
        self.seen_row.setVisible(first is not None)
        if first is not None:
            self.seen.blockSignals(True)
            self.seen.setDate(QDate(first.year, first.month, first.day))
            self.seen.blockSignals(False)
        self.note.setVisible(status.worth_mentioning)

    def _chosen(self, key: str) -> None:
        self.answered.emit(self.milestone.id, key, "")

    def _date_changed(self) -> None:
        stored = self.status.answer.first_seen if self.status.answer else None
        picked = self.seen.date().toPython()
        if stored is not None and picked != stored and self.status.answer_key:
            self.answered.emit(self.milestone.id, self.status.answer_key, picked.isoformat())


class MilestonesPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.checklist: Checklist | None = None
        self.rows: dict[str, MilestoneRow] = {}
        self.setStyleSheet(STYLE + ANSWER_STYLE)
        column, _title, self.why = page_column(
            self, _("Milestones"),
            _("Things most children learn to do by a certain age. Choose what your child does now. "
              "It is not a test, and every child grows in their own way."))
        self.age = para("")
        self.age.setFont(scaled_font(self.age, 1.05))
        column.addWidget(self.age)
        self.band = QComboBox()
        self.band.setAccessibleName(_("Show milestones for"))
        self.band.currentIndexChanged.connect(lambda _i: self.show_band())
        self.band_label = field_label(_("Show milestones for"), self.band)
        column.addWidget(self.band_label)
        column.addWidget(self.band)
        self.mention = note("")
        column.addWidget(self.mention)
        self.list = QVBoxLayout()
        self.list.setSpacing(8)
        column.addLayout(self.list)
        self.empty, empty_body, _heading = card(_("No child yet"))
        empty_body.addWidget(hint(_("Add a child with their name and date of birth to see their "
                                    "milestones.")))
        column.addWidget(self.empty)
        column.addStretch(1)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

    # -- filling ----------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        self.empty.setVisible(child is None)
        for widget in (self.age, self.band, self.band_label):
            widget.setVisible(child is not None)
        if child is None:
            self.checklist = None
            self.mention.hide()
            self._clear()
            return
        self.checklist = found = milestones.checklist(self.context.session, child.id)
        self.age.setText(self._age_words(child.given_name, found))
        self.age.setAccessibleName(self.age.text())
        self.band.blockSignals(True)
        self.band.clear()
        for number, band in enumerate(found.bands_in_order()):
            words = rules.band_label(band)
            if number == 0:
                words = _("{band} (your child's age now)").format(band=words)
            self.band.addItem(words, band.id)
        self.band.blockSignals(False)
        self.show_band()

    @staticmethod
    def _age_words(name: str, found: Checklist) -> str:
        age = found.age
        text = _("{name} is {age} old.").format(name=name, age=rules.months_text(age.days))
        if age.corrected:
            text += " " + _("Born at {weeks} weeks, so these lists use {name}'s corrected age "
                            "(counted from the due date): {age}.").format(
                name=name, weeks=found.gestation_weeks, age=rules.months_text(age.corrected_days))
        return text

    def _clear(self) -> None:
        self.rows = {}
        while self.list.count():
            widget = self.list.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def show_band(self) -> None:
        self._clear()
        found = self.checklist
        band_id = self.band.currentData()
        if found is None or band_id is None:
            return
        child = self.context.session.child(found.child_id)
        today = self.context.session.today()
        latest = QDate(today.year, today.month, today.day)
        born = child.date_of_birth
        earliest = QDate(born.year, born.month, born.day)
        area = None
        for status in found.in_band(band_id):
            if status.milestone.area != area:
                area = status.milestone.area
                heading = QLabel(area_name(area))
                heading.setWordWrap(True)
                heading.setFont(scaled_font(heading, 1.2, bold=True))
                self.list.addWidget(heading)
            row = MilestoneRow(status, latest, earliest)
            row.answered.connect(self.answer)
            self.rows[status.milestone.id] = row
            self.list.addWidget(row)
        self._show_mention()

    def _show_mention(self) -> None:
        found = self.checklist
        band_id = self.band.currentData()
        others = [s for s in found.to_mention() if s.milestone.band != band_id] if found else []
        if not others:
            self.mention.hide()
            return
        lines = [_("Some things from earlier ages are marked \u201cnot yet\u201d. It may be worth "
                   "talking to your health visitor about them:")]
        lines += [f"\u2022 {rules.milestone_text(s.milestone)}" for s in others]
        label = self.mention.findChild(QLabel, "noteText")
        label.setText("\n".join(lines))
        label.setAccessibleName(label.text())
        self.mention.show()

    # -- answering --------------------------------------------------------------------------
    def answer(self, milestone_id: str, chosen: str, first_seen: str = "") -> None:
        found = self.checklist
        if found is None:
            return
        try:
            milestones.answer(self.context.session, found.child_id, milestone_id, chosen,
                              first_seen or None)
        except FamilyFileError as exc:
            show_error(self, exc)
        self.checklist = found = milestones.checklist(self.context.session, found.child_id)
        row = self.rows.get(milestone_id)
        if row is not None:
            row.show_status(found.status(milestone_id))
        self._show_mention()

    def first_seen_text(self, milestone_id: str) -> str:
        """"1 Sep 2024", or "" (for tests and screen readers)."""
        found = self.checklist.status(milestone_id) if self.checklist else None
        seen = found.answer.first_seen if found and found.answer else None
        return day_text(seen) if seen else ""
