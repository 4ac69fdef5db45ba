"""The form to add or change an appointment, and to say whether it happened (part of the
appointments page)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QWidget,
)

from familyfile.domain import appointments as rules
from familyfile.domain.appointments import AppointmentDraft
from familyfile.i18n import _
from familyfile.services.appointments import AppointmentRecord
from familyfile.ui.widgets.fields import long_text
from familyfile.ui.widgets.form_card import FormCard

_FORMAT = "yyyy-MM-dd HH:mm"


class AppointmentForm(FormCard):
    """Add (``editing`` is None) or change one appointment. The date and time are UK wall-clock
    time: the box holds them as plain numbers (no time zone of its own), and the domain turns
    them into UTC, refusing an hour the clocks skip."""

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing: AppointmentRecord | None = None
        body = self.body

        self.when = QDateTimeEdit()
        self.when.setTimeZone(QTimeZone.utc())  # plain wall-clock numbers; see the class note
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy  HH:mm")
        self.when.setMaximumWidth(self.fontMetrics().horizontalAdvance("00 Mmm 0000  00:00") + 70)
        self.fields.add(body, "when", _("Date and time"), self.when,
                        _("UK time. For example, 29 Mar 2026 10:00."))
        self.place = QLineEdit()
        self.fields.add(body, "place", _("Where is it?"), self.place,
                        _("For example, Riverside Children's Clinic, Room 3."))
        self.with_involvement = QComboBox()
        self.fields.add(body, "with_involvement", _("Who is it with?"), self.with_involvement,
                        _("Choose from the involvement history, or write a name below."))
        self.with_text = QLineEdit()
        self.fields.add(body, "with_text", _("Or write who it is with"), self.with_text)
        self.with_involvement.currentIndexChanged.connect(self._show_with_text)
        self.accompanied_by = QLineEdit()
        self.fields.add(body, "accompanied_by", _("Who is going with your child? (if you want to say)"),
                        self.accompanied_by)
        self.reason = QLineEdit()
        self.fields.add(body, "reason", _("What is it for? (if you know)"), self.reason,
                        _("For example, 2-year review or hearing test."))
        self.status = QComboBox()
        for status in rules.STATUSES:
            self.status.addItem(rules.status_name(status), status)
        self.status_hint = self.fields.add(body, "status", _("Did it happen?"), self.status, " ")
        self.status.currentIndexChanged.connect(self._show_status)
        self.status_reason = QComboBox()
        self.status_reason.addItem(_("Choose a reason"), "")
        for reason in rules.MISSED_REASONS:
            self.status_reason.addItem(reason.name(), reason.key)
        self.fields.add(body, "status_reason", _("Why did it not happen?"), self.status_reason,
                        _("This is only for your record. Things get in the way for every family."))
        self.status_note = QLineEdit()
        self.fields.add(body, "status_note", _("Anything else to say about it? (if you want to)"),
                        self.status_note)
        self.outcome = long_text()
        self.fields.add(body, "outcome", _("What happened? (if you want to say)"), self.outcome,
                        _("For example, what was decided and what happens next."))

        self.add_buttons(_("Save appointment"), _("Cancel changes"))
        self.start_adding(now)

    # -- choices -----------------------------------------------------------------------------
    def set_people(self, people: list[tuple[str, str]]) -> None:
        """(involvement id, words) for "Who is it with?"; keeps the current choice."""
        chosen = self.with_involvement.currentData()
        self.with_involvement.blockSignals(True)
        self.with_involvement.clear()
        self.with_involvement.addItem(_("Someone else (write below)"), "")
        for entry_id, words in people:
            self.with_involvement.addItem(words, entry_id)
        self.with_involvement.setCurrentIndex(max(0, self.with_involvement.findData(chosen)))
        self.with_involvement.blockSignals(False)
        self._show_with_text()

    def _show_with_text(self) -> None:
        self.fields.set_shown("with_text", not self.with_involvement.currentData())

    def _show_status(self) -> None:
        status = self.status.currentData()
        text = rules.status_explanation(status)
        self.status_hint.setText(text)
        self.status_hint.setAccessibleName(text)
        self.status.setAccessibleDescription(text)
        needs_reason = status in rules.NEEDS_REASON
        self.fields.set_shown("status_reason", needs_reason)
        self.fields.set_shown("status_note", needs_reason or status == rules.CANCELLED)

    def set_when(self, local_text: str) -> None:
        """``local_text`` "YYYY-MM-DD HH:MM" (UK time)."""
        day, time = local_text.split(" ")
        self.when.setDateTime(QDateTime(QDate.fromString(day, "yyyy-MM-dd"),
                                        QTime.fromString(time, "HH:mm"), QTimeZone.utc()))

    # -- state -------------------------------------------------------------------------------
    def start_adding(self, now: datetime) -> None:
        self.editing = None
        self.heading.setText(_("Add an appointment"))
        self.save.setText(_("Save appointment"))
        self.cancel.hide()
        self.fields.clear()
        local = rules.to_local(now).replace(minute=0, second=0, microsecond=0)
        self.set_when(local.strftime("%Y-%m-%d %H:%M"))
        for box in (self.place, self.with_text, self.accompanied_by, self.reason, self.status_note):
            box.clear()
        self.outcome.clear()
        self.with_involvement.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.status_reason.setCurrentIndex(0)
        self._show_status()
        self._show_with_text()

    def start_editing(self, record: AppointmentRecord, *, status: str | None = None) -> None:
        item = record.appointment
        self.editing = record
        self.heading.setText(_("Change this appointment") if status is None
                             else _("Say what happened"))
        self.save.setText(_("Save changes"))
        self.cancel.show()
        self.fields.clear()
        self.set_when(rules.local_text(item.when_utc, item.tz))
        self.place.setText(item.place)
        found = self.with_involvement.findData(item.with_involvement)
        self.with_involvement.setCurrentIndex(max(0, found) if item.with_involvement else 0)
        self.with_text.setText(item.with_text)
        self.accompanied_by.setText(item.accompanied_by)
        self.reason.setText(item.reason)
        self.status.setCurrentIndex(max(0, self.status.findData(status or item.status)))
        self.status_reason.setCurrentIndex(max(0, self.status_reason.findData(item.status_reason)))
        self.status_note.setText(item.status_note)
        self.outcome.setPlainText(item.outcome)
        self._show_status()
        self._show_with_text()
        target: QWidget = self.place
        if status in rules.NEEDS_REASON:
            target = self.status_reason
        elif status is not None:
            target = self.status_note
        target.setFocus(Qt.OtherFocusReason)

    def draft(self) -> AppointmentDraft:
        linked = str(self.with_involvement.currentData() or "")
        status = str(self.status.currentData())
        noted = status in rules.NEEDS_REASON or status == rules.CANCELLED
        tz = self.editing.appointment.tz if self.editing else rules.DEFAULT_TZ
        return AppointmentDraft(
            when=self.when.dateTime().toString(_FORMAT), place=self.place.text(),
            with_involvement=linked, with_text="" if linked else self.with_text.text(),
            accompanied_by=self.accompanied_by.text(), reason=self.reason.text(),
            outcome=self.outcome.toPlainText(), status=status,
            status_reason=str(self.status_reason.currentData() or ""),
            status_note=self.status_note.text() if noted else "", tz=tz)
