"""What the appointments and involvement pages share: a banner saying what was done, tables
of records to choose from, and the form under them to add or change one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from familyfile.errors import FamilyFileError, ValidationError
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.involvement_common import chosen_record, scroll_to, status_banner
from familyfile.ui.widgets.fields import attempt_save
from familyfile.ui.widgets.form import STYLE


class RecordsPage(QWidget):
    """Subclasses make ``form`` (add or change one record, with ``start_adding``, ``draft``
    and ``editing``) and say what their ``service`` is and how its rules read a draft."""

    form: Any
    service: Any  # the services module: add(session, child_id, draft), edit(session, record, draft)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE)
        self.saved = status_banner()

    # -- what the subclass says ---------------------------------------------------------------
    def form_moment(self) -> object:
        """What ``form.start_adding`` is given: today, or the time now."""
        raise NotImplementedError

    def every_problem(self, draft: Any) -> list[ValidationError]:
        """Every problem the rules find with a draft (the service raises only the first)."""
        raise NotImplementedError

    def choose_first_text(self) -> str:
        raise NotImplementedError

    def saved_text(self) -> str:
        raise NotImplementedError

    def after_saving(self) -> QWidget:
        """Where the keyboard goes once the form is saved."""
        raise NotImplementedError

    def _follow(self, *views: QTableView) -> None:
        """Double-click or Enter on a row changes it; the page follows the chosen child."""
        for view in views:
            view.doubleClicked.connect(lambda _index, v=view: self.edit_selected(v))
            view.activated.connect(lambda _index, v=view: self.edit_selected(v))
        self.context.child_selected.connect(self.refresh)
        self.context.children_changed.connect(self.refresh)
        self.refresh()

    def edit_selected(self, view: QTableView) -> None:
        raise NotImplementedError

    # -- choosing -----------------------------------------------------------------------------
    def _selected(self, view: QTableView) -> Any:
        record = chosen_record(view)
        if record is None:
            self._say(self.choose_first_text())
        return record

    def _scroll_to_form(self) -> None:
        scroll_to(self, self.form)
        scroll_to(self, self.form.heading)

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        child = self.context.current_child()
        if child is None:
            return
        session = self.context.session
        draft = self.form.draft()
        editing = self.form.editing

        def write() -> object:
            if editing is None:
                return self.service.add(session, child.id, draft)
            return self.service.edit(session, editing, draft)

        attempt_save(self.form.fields, write, self._saved,
                     every_problem=lambda _exc: self.every_problem(draft))

    def _saved(self, _written: object) -> None:
        self._done(self.saved_text())
        self.after_saving().setFocus(Qt.OtherFocusReason)

    def change_now(self, change: Callable[[], object], message: str) -> None:
        """A change made with one button (no form): done, or why not, above the form."""
        try:
            change()
        except FamilyFileError as exc:
            self.form.fields.show_failure(exc)
            return
        self._done(message)

    def cancel(self) -> None:
        self.form.start_adding(self.form_moment())
        self.saved.hide()

    def _done(self, message: str) -> None:
        self.form.start_adding(self.form_moment())
        self.refresh()
        self._say(message)

    def refresh(self, *_args: object) -> None:
        raise NotImplementedError

    def _say(self, message: str) -> None:
        self.saved.setText(message)
        self.saved.setAccessibleName(message)
        self.saved.show()
        scroll_to(self, self.saved)
