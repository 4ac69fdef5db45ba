"""Overview: the child at a glance, as cards. Critical alerts first, then what is due, the
latest growth, recent journal entries, upcoming appointments and who is involved.

The summary is read off the UI thread (``context.tasks``) when the runner is free, else
here (it is a few bounded reads). A page that is not shown only notes that it is out of
date, and reads again when it is shown.
"""

from __future__ import annotations

from functools import partial

import qtawesome as qta
import shiboken6
from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from familyfile.domain.child import Child, age_text
from familyfile.i18n import _, ngettext
from familyfile.messages import user_message
from familyfile.services import overview
from familyfile.services.overview import OverviewSummary
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.widgets import overview_rows as rows
from familyfile.ui.widgets.form import STYLE, chars_wide, hint, note, primary_button, scaled_font
from familyfile.ui.widgets.overview_cards import STYLE as CARD_STYLE
from familyfile.ui.widgets.overview_cards import AboutStrip, Card

WIDEST = 1160  # wider than other pages: the cards sit in two columns when there is room
TWO_COLUMNS_FROM_CHARS = 125  # the page must be this many characters wide for two columns


def date_text(child: Child) -> str:
    """The child's date of birth: "1 Mar 2024" (other pages use this too)."""
    born = child.date_of_birth
    return QLocale().toString(QDate(born.year, born.month, born.day), "d MMM yyyy")


def card(heading: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A plain white card with a heading (other pages use this too)."""
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    label = QLabel(heading)
    label.setWordWrap(True)
    label.setFont(scaled_font(label, 1.2, bold=True))
    layout.addWidget(label)
    return frame, layout, label


class OverviewPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE + CARD_STYLE)
        column, self.title, self.why = page_column(
            self, _("Overview"), _("A summary of your child's record."))
        self.title.parentWidget().setMaximumWidth(max(WIDEST, chars_wide(self, 150)))
        self._build_cards(context)
        self.about = AboutStrip()
        self.about.link.clicked.connect(lambda: context.navigate.emit("about_me"))
        self.about_title, self.about_link = self.about.title, self.about.link
        self.name, self.age, self.born = self.about.name, self.about.age, self.about.born
        self.loading = hint(_("Loading…"))
        self.problem = note("")
        for widget in (self.alerts, self.about, self.loading, self.problem, self.cards_box):
            column.addWidget(widget)  # critical alerts first
        self._arrange()

        self.empty, empty_body, _heading = card(_("No child yet"))
        empty_body.addWidget(hint(_("Add a child with their name and date of birth to start "
                                    "their record.")))
        self.add_child = primary_button(_("Add a child"), qta.icon("mdi6.account-plus", color="white"))
        self.add_child.clicked.connect(lambda: context.navigate.emit("children"))
        scale_icons(self.add_child)
        empty_body.addWidget(self.add_child)
        column.addWidget(self.empty)
        column.addStretch(1)

        self._ticket = 0
        self._stale = False
        self.shown: OverviewSummary | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.load)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.show_child()
        self.load(in_thread=False)  # not on screen yet: nobody waits for it

    def _build_cards(self, context: PageContext) -> None:
        self.alerts = Card(_("Read these first"), "mdi6.alert-octagon", "about_me",
                           _("Change alerts"), critical=True)
        self.alerts.link.setAccessibleName(_("Change alerts in About me"))
        self.due = Card(_("What is due"), "mdi6.calendar-check-outline", "immunisations",
                        step_text=_("Add an appointment"), step_section="appointments")
        self.growth = Card(_("Latest growth"), "mdi6.chart-bell-curve-cumulative", "growth",
                           _("Open growth"), _("Add a measurement"))
        self.journal = Card(_("Recent journal entries"), "mdi6.notebook-heart-outline", "journal",
                            _("Open the journal"), _("Add an observation"))
        self.appointments = Card(_("Upcoming appointments"), "mdi6.calendar-clock", "appointments",
                                 _("Open appointments"), _("Add an appointment"))
        self.involved = Card(_("Who is involved"), "mdi6.hand-heart", "involvement",
                             _("Open involvement history"), _("Add a service"))
        self.cards = [self.alerts, self.due, self.growth, self.journal, self.appointments,
                      self.involved]
        for found in self.cards:
            found.open_section.connect(context.navigate.emit)
        self.cards_box = QWidget()  # every card but the alerts, in one or two stacks
        self.grid = QGridLayout(self.cards_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        self.stack_boxes = [QWidget(), QWidget()]
        self.stacks = [QVBoxLayout(box) for box in self.stack_boxes]
        for index, stack in enumerate(self.stacks):
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(14)
            stack.addStretch(1)
            self.grid.addWidget(self.stack_boxes[index], 0, index)
        self.grid.setColumnStretch(0, 1)
        self._columns = 0

    # -- about the child ------------------------------------------------------------------------
    def show_child(self) -> None:
        """What the child row says (cheap, so at once): names, age, date of birth."""
        child = self.context.current_child()
        self.empty.setVisible(child is None)
        self.about.setVisible(child is not None)
        if child is None:
            self.why.setText(_("A summary of your child's record."))
            self.alerts.hide()
            self.cards_box.hide()
            self.loading.hide()
            return
        self._wait_for(child.id)
        self.why.setText(_("A summary of {name}'s record.").format(name=child.given_name))
        self.about_title.setText(_("About {name}").format(name=child.given_name))
        self.about.set_fact(self.name, child.display_name)
        self.about.set_fact(self.age, age_text(child.date_of_birth, self.context.session.today()))
        self.about.set_fact(self.born, date_text(child))

    def _wait_for(self, child_id: str) -> None:
        """Another child than the one shown: nothing of the other child stays on screen."""
        if self.shown is not None and self.shown.child_id == child_id:
            return
        self.alerts.hide()
        self.cards_box.hide()
        self.loading.show()
        for value in (self.about.known_as, self.about.languages, self.about.communication):
            self.about.set_fact(value, "")

    # -- loading --------------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        """The child (or the file) changed: show it now, read the rest soon or when shown."""
        self.show_child()
        if self.isVisible():
            self._later.start(0)  # after every page has heard the news
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale and not event.spontaneous():
            self._later.start(0)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)
        if not event.spontaneous():
            self._stale = True  # other pages may change the record meanwhile

    def load(self, in_thread: bool = True) -> None:
        self._stale = False
        self._ticket += 1
        ticket = self._ticket
        child = self.context.current_child()
        if child is None:
            self.shown = None
            return
        self._wait_for(child.id)
        work = partial(overview.summary, self.context.session, child.id)
        tasks = self.context.tasks
        if in_thread and not tasks.busy:
            tasks.run(_("Loading the overview…"), work, lambda found: self._loaded(ticket, found),
                      lambda exc: self._failed(ticket, exc))
            return
        try:
            found = work()
        except Exception as exc:  # shown calmly on the page, never a crash
            self._failed(ticket, exc)
            return
        self._loaded(ticket, found)

    def _current(self, ticket: int) -> bool:
        return shiboken6.isValid(self) and ticket == self._ticket

    def _failed(self, ticket: int, exc: BaseException) -> None:
        if not self._current(ticket):
            return
        self.loading.hide()
        text = _("The overview could not be shown: {problem}").format(problem=user_message(exc))
        shown = self.problem.findChild(QLabel)
        if shown is not None:
            shown.setText(text)
            shown.setAccessibleName(text)
        self.problem.show()

    def _loaded(self, ticket: int, found: OverviewSummary) -> None:
        if self._current(ticket):
            self.show_summary(found)

    # -- showing --------------------------------------------------------------------------------
    def show_summary(self, found: OverviewSummary) -> None:
        self.shown = found
        self.loading.hide()
        self.problem.hide()
        about = found.about
        if about is None:
            self.alerts.hide()
            self.cards_box.hide()
            return
        self.about.set_fact(self.about.known_as, about.known_as)
        self.about.set_fact(self.about.languages, ", ".join(about.languages))
        self.about.set_fact(self.about.communication, about.communication,
                       _("How {name} communicates").format(name=about.called))
        self.alerts.set_rows(rows.alert_rows(found.alerts))
        self.alerts.setVisible(bool(found.alerts))
        due = [rows.due_row(self.due, item) for item in found.due]
        if found.milestone_prompts:
            due.append(rows.prompt_row(self.due, found.milestone_prompts))
        self.due.set_rows(due, _("Nothing is due right now. Vaccinations, health reviews and "
                                 "appointments in the next 30 days will show here."))
        self.growth.set_rows(rows.growth_rows(found.growth), _(
            "No measurements yet. The latest weight, length or height and head size, with their "
            "centiles, will show here."))
        self.journal.set_rows([rows.journal_row(item) for item in found.journal], _(
            "No journal entries yet. Write down what {name} does and says: the moments you want "
            "to remember and share.").format(name=about.called))
        more = ngettext("See all {n} journal entries", "See all {n} journal entries",
                        found.journal_total).format(n=found.journal_total)
        self.journal.link.setText(more if found.journal_total > len(found.journal) else _("Open the journal"))
        self.journal.link.setAccessibleName(self.journal.link.text())
        self.appointments.set_rows([rows.appointment_row(item) for item in found.appointments], _(
            "No appointments coming up. Keep every appointment in one list, so nothing clashes or "
            "gets lost."))
        self.involved.set_rows(rows.involved_rows(found), _(
            "No services recorded yet. Add the health visitor, GP, nursery or anyone else who "
            "helps {name}.").format(name=about.called))
        self._order_tabs()
        self.cards_box.show()

    def _order_tabs(self) -> None:
        """Tab goes through the buttons as they are read: card by card, row by row."""
        chain = [*self.alerts.buttons(), self.about_link,
                 *(b for found in self.cards[1:] for b in found.buttons())]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- one or two columns -----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Two columns when there is room (each a stack, so a long card leaves no gap):
        what is due and the journal on the left; growth, appointments and who is involved
        on the right. One column, in reading order, when the text is large."""
        columns = 2 if self.width() >= chars_wide(self, TWO_COLUMNS_FROM_CHARS) else 1
        self.about.set_wide(columns == 2)
        if columns == self._columns:
            return
        self._columns = columns
        for stack in self.stacks:
            for found in self.cards[1:]:
                stack.removeWidget(found)
        if columns == 2:
            placed = [[self.due, self.journal], [self.growth, self.appointments, self.involved]]
        else:
            placed = [self.cards[1:], []]
        for stack, cards in zip(self.stacks, placed, strict=True):
            for found in cards:
                stack.insertWidget(stack.count() - 1, found)
        self.grid.setColumnStretch(1, 1 if columns == 2 else 0)
        self.grid.setHorizontalSpacing(14 if columns == 2 else 0)
        self.stack_boxes[1].setVisible(columns == 2)
