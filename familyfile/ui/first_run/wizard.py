"""The first-run wizard: draws services.first_run.FirstRun one page at a time."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.errors import FamilyFileExistsError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services.first_run import FirstRun
from familyfile.services.session import FamilySession
from familyfile.ui.first_run.pages import WizardPage
from familyfile.ui.first_run.steps import ChildPage, PassphrasePage, RecoveryPage, WelcomePage
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    ErrorSummary,
    primary_button,
    scrolling_column,
    secondary_button,
)


class FirstRunWizard(QWidget):
    """``created(session)`` once the family file exists; ``open_existing_requested`` when
    the person already has one."""

    created = Signal(object)
    open_existing_requested = Signal()

    def __init__(self, first_run: FirstRun | None = None, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Set up Family File"))
        self.setStyleSheet(STYLE)
        self.first_run = first_run or FirstRun()
        self.tasks = tasks or TaskRunner(self)
        column = scrolling_column(self)
        self.step = QLabel()
        self.step.setObjectName("hint")
        self.summary = ErrorSummary()
        self.summary.link_activated.connect(self._focus_field)
        self.welcome = WelcomePage()
        self.passphrase = PassphrasePage()
        self.recovery = RecoveryPage()
        self.child = ChildPage()
        self.pages: list[WizardPage] = [self.welcome, self.passphrase, self.recovery, self.child]
        # Pages sit in one column and only the current one is shown: a hidden page takes no
        # room, so a short page is never stretched to the height of the longest one.
        self._index = 0
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        for page in self.pages:
            stack.addWidget(page)
            page.hide()
            page.submitted.connect(self.go_next)
        self.welcome.open_existing.connect(self.open_existing_requested.emit)
        self.back = secondary_button(_("Back"), qta.icon("mdi6.arrow-left"))
        self.back.clicked.connect(self.go_back)
        self.next = primary_button(_("Continue"))
        self.next.clicked.connect(self.go_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next)
        buttons.addSpacing(12)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        column.addWidget(self.step)
        column.addWidget(self.summary)
        column.addWidget(holder)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(1)
        self.setTabOrder(self.next, self.back)
        self._show(0)

    # -- navigation ------------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    @property
    def page(self) -> WizardPage:
        return self.pages[self.index]

    def _show(self, index: int) -> None:
        page = self.pages[index]
        for other in self.pages:
            if other is not page:
                other.hide()
        self._index = index
        page.show()
        page.enter(self.first_run)
        self.step.setText(_("Step {n} of {total}").format(n=index + 1, total=len(self.pages)))
        last = index == len(self.pages) - 1
        self.next.setText(_("Create family file") if last else _("Continue"))
        self.next.setIcon(qta.icon("mdi6.lock-check-outline", color="white") if last
                          else qta.icon("mdi6.arrow-right", color="white"))
        self.next.setAccessibleName(self.next.text())
        self.back.setVisible(index > 0)
        target = page.first_input()
        if target is not None:
            target.setFocus(Qt.TabFocusReason)

    def go_next(self) -> None:
        if self.tasks.busy:
            return
        page = self.page
        problems = page.apply(self.first_run)
        if problems:
            self.summary.show_errors(page.show_problems(problems))
            return
        page.clear_problems()
        self.summary.clear_errors()
        if self.index == len(self.pages) - 1:
            self._create()
        else:
            self._show(self.index + 1)

    def go_back(self) -> None:
        if self.index > 0 and not self.tasks.busy:
            self.summary.clear_errors()
            self.page.clear_problems()
            self._show(self.index - 1)

    def _focus_field(self, key: str) -> None:
        target = self.page.focus_target(key)
        if target is not None:
            target.setFocus(Qt.OtherFocusReason)

    # -- creating ----------------------------------------------------------------------------
    def _create(self) -> None:
        self.next.setEnabled(False)
        self.tasks.run(_("Creating your family file…"), self.first_run.finish,
                       self._created, self._failed)

    def _created(self, session: FamilySession) -> None:
        self.next.setEnabled(True)
        self.created.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self.next.setEnabled(True)
        if isinstance(exc, FamilyFileExistsError):
            self._show(0)
        self.summary.show_errors([("", user_message(exc))])
