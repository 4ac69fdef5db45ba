"""Health reviews and screening: the health visitor reviews (done, due, missed), the
2–2½ year review, and vision and hearing checks."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from familyfile.i18n import _
from familyfile.services import reviews
from familyfile.ui import labels
from familyfile.ui.dialogs.entry_form import date_text, open_dialog
from familyfile.ui.dialogs.review_dialogs import CheckDialog, ContactDialog, IntegratedReviewDialog
from familyfile.ui.models.confirmed import confirmed_by
from familyfile.ui.models.reviews_model import ContactsModel
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.overview import card
from familyfile.ui.widgets.fitted_table import FittedTable
from familyfile.ui.widgets.form import STYLE, hint, primary_button, secondary_button


class ReviewsPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE)
        column, _heading, self.why = page_column(
            self, _("Reviews and checks"),
            _("The health visitor reviews every child is offered, and other checks."))
        self.due = QLabel()
        self.due.setWordWrap(True)
        column.addWidget(self.due)
        buttons = QHBoxLayout()
        self.add_contact = primary_button(_("Record a review"),
                                          qta.icon("mdi6.clipboard-check", color="white"))
        self.add_contact.clicked.connect(lambda: self.record_contact())
        self.add_two_year = secondary_button(_("Record the 2-year review"))
        self.add_two_year.clicked.connect(self.record_integrated)
        self.add_check = secondary_button(_("Record a vision or hearing check"))
        self.add_check.clicked.connect(self.record_check)
        for button in (self.add_contact, self.add_two_year, self.add_check):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.model = ContactsModel(self)
        self.table = FittedTable(self.model, _("Health visitor reviews"))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        column.addWidget(self.table)
        self.two_year, two_body, _t = card(_("The 2 to 2½ year review"))
        self.two_year_text = hint("")
        two_body.addWidget(self.two_year_text)
        column.addWidget(self.two_year)
        self.checks_card, checks_body, _c = card(_("Vision and hearing checks"))
        self.checks_text = hint("")
        checks_body.addWidget(self.checks_text)
        column.addWidget(self.checks_card)
        column.addStretch(1)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.dialog: QWidget | None = None
        self.refresh()

    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        for button in (self.add_contact, self.add_two_year, self.add_check):
            button.setEnabled(child is not None)
        if child is None:
            self.model.set_rows([])
            return
        session = self.context.session
        statuses = reviews.contact_statuses(session, child.id)
        self.model.set_rows(statuses)
        self.table.fit()
        due = [s for s in statuses if s.state in ("due", "overdue")]
        self.due.setText(" ".join(
            _("{state}: {name}.").format(state=labels.contact_state()[s.state], name=s.definition.name)
            for s in due) or _("No review is due right now."))
        latest = reviews.latest_review(session, child.id)
        if latest is None:
            self.two_year_text.setText(_("Not recorded yet. It happens between 2 and 2½ years."))
        else:
            review, entry = latest
            areas = "; ".join(f"{labels.asq_area()[a]}: {s}" for a, s in review.asq_scores.items())
            lines = [_("On {date}. {areas}").format(date=date_text(review.on), areas=areas).strip()]
            if review.outcome_notes:
                lines.append(_("Outcome: {notes}").format(notes=review.outcome_notes))
            lines.append(confirmed_by(entry))
            self.two_year_text.setText("\n".join(line for line in lines if line))
        found = reviews.checks(session, child.id)
        self.checks_text.setText("\n".join(
            f"{date_text(c.on)} — {labels.check_type()[c.check]}: {labels.check_outcome()[c.outcome]}"
            for c, _e in found) or _("No checks recorded yet."))

    def _child_id(self) -> str | None:
        child = self.context.current_child()
        return child.id if child else None

    def open_row(self, row: int) -> None:
        status = self.model.status(row)
        found = [e for c, e in reviews.contacts(self.context.session, self._child_id() or "")
                 if status.record is not None and c == status.record]
        self.record_contact(status.definition.key, found[-1] if found else None)

    def record_contact(self, contact: str = "", entry: object = None) -> None:
        child_id = self._child_id()
        if child_id:
            self.dialog = ContactDialog(self.context.session, child_id, entry, contact, self)  # type: ignore[arg-type]
            open_dialog(self.dialog, lambda _saved: self.refresh())

    def record_integrated(self) -> None:
        child_id = self._child_id()
        if child_id:
            latest = reviews.latest_review(self.context.session, child_id)
            self.dialog = IntegratedReviewDialog(self.context.session, child_id,
                                                 latest[1] if latest else None, self)
            open_dialog(self.dialog, lambda _saved: self.refresh())

    def record_check(self) -> None:
        child_id = self._child_id()
        if child_id:
            self.dialog = CheckDialog(self.context.session, child_id, None, self)
            open_dialog(self.dialog, lambda _saved: self.refresh())
