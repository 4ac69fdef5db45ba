"""Who can see this? For each team and service, what the family agrees they can have, one
kind of information at a time: a matrix a parent reads at a glance, the notice, the teams,
a check of what a share would hold, and the history of every change."""

from __future__ import annotations

from html import escape

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.domain import categories as cats
from familyfile.domain import consent as rules
from familyfile.domain.consent import ConsentEvent
from familyfile.domain.involvement import agency_name
from familyfile.i18n import _, ngettext
from familyfile.services import consent
from familyfile.services import involvement as involvements
from familyfile.ui.dialogs.consent_dialog import ConsentDialog
from familyfile.ui.dialogs.entry_form import open_dialog
from familyfile.ui.models.consent_history_model import ConsentHistoryModel
from familyfile.ui.models.consent_model import ConsentMatrixModel
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.consent_check import CheckPanel
from familyfile.ui.pages.consent_teams import TeamsPanel
from familyfile.ui.pages.involvement_common import make_table, scroll_to, status_banner
from familyfile.ui.pages.overview import card
from familyfile.ui.widgets.consent_matrix_view import ConsentMatrixView
from familyfile.ui.widgets.form import STYLE, chars_wide, hint, icon_size, link_button, para, scaled_font

WIDEST = 1100

NOTICE_STYLE = """
QFrame#notice { border: 2px solid #1d70b8; border-left: 8px solid #1d70b8; background: #eef4fa; }
QFrame#reviewsDue { border-left: 6px solid #8a5a00; background: #fff2b3; }
"""


def notice_box(text: str) -> tuple[QFrame, QLabel]:
    """The notice, calm but hard to miss: an icon, a heading and the words."""
    frame = QFrame()
    frame.setObjectName("notice")
    row = QHBoxLayout(frame)
    row.setContentsMargins(12, 10, 14, 10)
    icon = QLabel()
    icon.setPixmap(qta.icon("mdi6.information", color="#1d70b8").pixmap(icon_size(frame) * 1.5))
    row.addWidget(icon, 0, Qt.AlignTop)
    words = QVBoxLayout()
    heading = QLabel(_("Please read: what your choices can and cannot do"))
    heading.setWordWrap(True)
    heading.setFont(scaled_font(heading, 1.1, bold=True))
    body = para(text)
    words.addWidget(heading)
    words.addWidget(body)
    row.addLayout(words, 1)
    frame.setAccessibleName(heading.text() + ". " + text)
    return frame, body


class ConsentPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: ConsentDialog | None = None
        self.setStyleSheet(STYLE + NOTICE_STYLE)
        column, heading, self.why = page_column(self, _("Who can see this?"), "")
        heading.parentWidget().setMaximumWidth(max(WIDEST, chars_wide(self, 150)))
        self.saved = status_banner()
        column.addWidget(self.saved)
        self.notice, self.notice_text = notice_box(consent.notice())
        column.addWidget(self.notice)
        self.reviews_due = QFrame()
        self.reviews_due.setObjectName("reviewsDue")
        due_row = QVBoxLayout(self.reviews_due)
        self.reviews_due_text = para("")
        due_row.addWidget(self.reviews_due_text)
        column.addWidget(self.reviews_due)

        matrix_card, body, _h = card(_("Your choices"))
        body.addWidget(hint(_("Each box says what a service can have from you. Click a box, or "
                              "move to it with the arrow keys and press Enter, to change it. "
                              "Hold the mouse over a heading to see what it means.")))
        self.model = ConsentMatrixModel(parent=self)
        self.view = ConsentMatrixView(self.model, _("Who can see this: your choices"))
        self.view.chosen.connect(self.open_cell)
        body.addWidget(self.view)
        self.empty = para("")
        body.addWidget(self.empty)
        self.add_service = link_button(_("Add a service on the Involvement history page"))
        self.add_service.clicked.connect(lambda: context.navigate.emit("involvement"))
        body.addWidget(self.add_service)
        column.addWidget(matrix_card)

        what_card, what_body, _h = card(_("What is this? The kinds of information"))
        for found in cats.CATEGORIES:
            label = para(f"<b>{escape(found.name())}</b><br>"
                         f"{escape(found.contains())} {escape(found.yes_means())}")
            label.setTextFormat(Qt.RichText)
            label.setAccessibleName(f"{found.name()}: {found.contains()} {found.yes_means()}")
            what_body.addWidget(label)
        column.addWidget(what_card)

        teams_card, teams_body, _h = card(_("Teams"))
        self.teams = TeamsPanel(context.session)
        self.teams.changed.connect(self._done)
        teams_body.addWidget(self.teams)
        column.addWidget(teams_card)

        check_card, check_body, _h = card(_("Check what would be shared"))
        self.check = CheckPanel(context.session)
        check_body.addWidget(self.check)
        column.addWidget(check_card)

        history_card, history_body, _h = card(_("What changed"))
        history_body.addWidget(hint(_("Every choice is kept: who changed what, when, how, and "
                                      "who wrote it down. Nothing here can be changed.")))
        self.history_model = ConsentHistoryModel(parent=self)
        self.history_view = make_table(self.history_model, _("Consent history"))
        self.history_empty = para(_("Nothing yet. Your first choice will show here."))
        history_body.addWidget(self.history_empty)
        history_body.addWidget(self.history_view)
        column.addWidget(history_card)
        column.addStretch(1)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        self.setEnabled(child is not None)
        if child is None:
            self.why.setText(_("Add a child first. Then you can choose who can see their record."))
            self.model.set_matrix(None)
            self.history_model.set_events([])
            return
        session = self.context.session
        self.why.setText(_("Choose what each service can have from {name}'s record. You can "
                           "change your mind at any time.").format(name=child.given_name))
        services = involvements.agencies(session, child.id)
        kinds = {ref.agency_id: agency_name(ref.agency) for ref in services}
        matrix = consent.matrix(session, child.id)
        self.model.set_matrix(matrix, kinds)
        has_rows = bool(matrix.rows)
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.add_service.setVisible(not services)
        self.empty.setText(_("Nobody is listed yet. Add the services that help {name} on the "
                             "Involvement history page, or add a team below.").format(
                                 name=child.given_name))
        due = matrix.reviews_due
        self.reviews_due.setVisible(due > 0)
        self.reviews_due_text.setText(ngettext(
            "{n} choice is due for a review. It says \u201cReview due\u201d below.",
            "{n} choices are due for a review. They say \u201cReview due\u201d below.", due).format(n=due))
        self.reviews_due_text.setAccessibleName(self.reviews_due_text.text())
        self.teams.refresh(services)
        self.check.set_recipients(child.id, matrix, kinds)
        events = consent.history(session, child.id)
        self.history_model.set_events(events)
        self.history_empty.setVisible(not events)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Other pages may have changed the services or shared something: read again."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def cell_text(self, recipient_id: str, category: str) -> str:
        """What one cell says (for tests and screen readers)."""
        return self.model.text(self.model.row_of(recipient_id), self.model.column_of(category))

    def index_of(self, recipient_id: str, category: str) -> QModelIndex:
        return self.model.index(self.model.row_of(recipient_id), self.model.column_of(category))

    # -- changing ------------------------------------------------------------------------------
    def open_cell(self, index: QModelIndex) -> ConsentDialog | None:
        child = self.context.current_child()
        if child is None or not index.isValid():
            return None
        cell = self.model.cell(index.row(), index.column())
        if cell is None:  # the "Never" column: nothing to choose
            self._say(_("Private things never leave your computer. Nobody can say yes to them. "
                        "To make an entry private, open it and mark it private."))
            return None
        row = self.model.matrix_row(index.row())
        self.saved.hide()
        who = self.model.who_words(index.row())
        self.dialog = open_dialog(ConsentDialog(self.context.session, child.id, row, cell, who,
                                                self.window()), self._saved)
        self.dialog.finished.connect(lambda _r: self.view.setFocus(Qt.OtherFocusReason))
        return self.dialog

    def _saved(self, event: object) -> None:
        assert isinstance(event, ConsentEvent)
        what = cats.category_name(event.category)
        who = event.recipient.name
        if event.action == rules.WITHDRAWN:
            message = _("Saved. You took back your choice about {what} for {who}.")
        elif event.action == rules.REVIEWED:
            message = _("Saved. Your choice about {what} for {who} is still right.")
        elif event.decision == rules.PERMIT:
            message = _("Saved. {who} can have {what} from you.")
        else:
            message = _("Saved. {who} cannot have {what} from you.")
        self._done(message.format(what=what, who=who))
        self.view.setCurrentIndex(self.index_of(event.recipient.id, event.category))

    def _done(self, message: str) -> None:
        self.refresh()
        self._say(message)

    def _say(self, message: str) -> None:
        self.saved.setText(message)
        self.saved.setAccessibleName(message)
        self.saved.show()
        scroll_to(self, self.saved)
