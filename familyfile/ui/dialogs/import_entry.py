""""Add a confirmed entry from a professional…": a parent chooses the photo, PDF or file a health
visitor (or nurse, or nursery) gave them; Family File checks it and adds it to the child's record
as confirmed by that professional, or saves a receipt.

The first time a professional's card comes, their name and fingerprint are shown in groups to
compare with their screen: "They match — trust and add" / "Cancel". Reading and importing run
off the UI thread (a PDF takes seconds). ``choose_path`` is the one file dialog (tests replace it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import entry_import, verifier
from familyfile.services.entry_import import EntryRefused, ImportResult
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    FieldError,
    hint,
    para,
    primary_button,
    scaled_font,
    scrolling_column,
    secondary_button,
    title,
)
from familyfile.ui.widgets.verification_card import GOOD, fingerprint_label

FILE_FILTER = "Photo, PDF or card file (*.png *.jpg *.jpeg *.pdf *.json *.txt *.shc);;All files (*)"


def choose_path(parent: QWidget | None) -> Path | None:
    """The file the professional gave; None when the person cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, _("Choose the card"), "", _(FILE_FILTER))
    return Path(chosen) if chosen else None


@dataclass(frozen=True)
class NeedsTrust:
    """The card's signer is not trusted yet: who they say they are, and their fingerprint."""

    fingerprint: str
    name: str


def attempt(session: Any, contents: verifier.Contents, trust_signer: bool) -> ImportResult | NeedsTrust:
    """Import, or say that the signer must be compared first (runs on the worker thread)."""
    try:
        return entry_import.import_contents(session, contents, trust_signer=trust_signer)
    except EntryRefused as exc:
        if exc.reason == "unknown-signer" and exc.fingerprint and not trust_signer:
            name = next((k.name for k in contents.key_cards if k.fingerprint == exc.fingerprint), "")
            return NeedsTrust(exc.fingerprint, name)
        raise


def headline(status: str) -> tuple[str, str]:
    """(icon, words) for what happened: the words alone say it."""
    return {
        entry_import.IMPORTED: ("mdi6.check-circle-outline", _("Added to the record")),
        entry_import.ALREADY: ("mdi6.information-outline", _("Already added")),
        entry_import.KEPT_NEWER: ("mdi6.information-outline", _("Your newer entry was kept")),
        entry_import.ACKNOWLEDGED: ("mdi6.email-check-outline", _("Receipt saved")),
        entry_import.TRUSTED: ("mdi6.shield-check-outline", _("You now trust this professional")),
    }.get(status, ("mdi6.information-outline", _("Done")))


class ImportEntryDialog(QDialog):
    """``imported`` carries the ``ImportResult`` (the main window may refresh its pages)."""

    imported = Signal(object)

    def __init__(self, session: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.path: Path | None = None
        self.contents: verifier.Contents | None = None  # what the chosen file holds, read once
        self.result: ImportResult | None = None
        self.setWindowTitle(_("Add a confirmed entry from a professional"))
        self.setStyleSheet(STYLE)
        holder = QVBoxLayout(self)
        holder.setContentsMargins(0, 0, 0, 0)
        page = QWidget()
        holder.addWidget(page)
        column = scrolling_column(page, 600)
        column.addWidget(title(_("Add a confirmed entry from a professional")))
        column.addWidget(para(_(
            "A health visitor, nurse or nursery can give you a card that confirms something about your "
            "child: a weight, a vaccination, a review or a note. Choose the photo of its QR code, or the "
            "file they gave you.")))
        self.choose_button = primary_button(_("Choose the photo or file…"),
                                            qta.icon("mdi6.folder-open-outline", color="white"))
        column.addWidget(self.choose_button)
        self.message = FieldError()
        column.addWidget(self.message)
        # -- comparing the fingerprint (the first card from this professional) --
        self.compare = QWidget()
        compare = QVBoxLayout(self.compare)
        compare.setContentsMargins(0, 8, 0, 0)
        self.compare_title = QLabel()
        self.compare_title.setWordWrap(True)
        self.compare_title.setFont(scaled_font(self.compare_title, 1.25, bold=True))
        compare.addWidget(self.compare_title)
        compare.addWidget(para(_("Ask them to show their fingerprint on their screen. Check that every "
                                 "group of five numbers is the same as here:")))
        self.fingerprint = fingerprint_label("", 1.5)
        compare.addWidget(self.fingerprint)
        compare.addWidget(hint(_("If any number is different, press Cancel: the card may not be from them.")))
        self.trust_button = primary_button(_("They match — trust and add"),
                                           qta.icon("mdi6.shield-check-outline", color="white"))
        self.cancel_trust_button = secondary_button(_("Cancel"))
        row = QHBoxLayout()
        row.addWidget(self.trust_button)
        row.addWidget(self.cancel_trust_button)
        row.addStretch(1)
        compare.addLayout(row)
        self.compare.hide()
        column.addWidget(self.compare)
        # -- the outcome --
        self.outcome = QWidget()
        outcome = QHBoxLayout(self.outcome)
        outcome.setContentsMargins(0, 8, 0, 0)
        self.outcome_icon = QLabel()
        self.outcome_title = QLabel()
        self.outcome_title.setWordWrap(True)
        self.outcome_title.setFont(scaled_font(self.outcome_title, 1.35, bold=True))
        self.outcome_text = para("")
        words = QVBoxLayout()
        words.addWidget(self.outcome_title)
        words.addWidget(self.outcome_text)
        outcome.addWidget(self.outcome_icon, 0, Qt.AlignTop)
        outcome.addLayout(words, 1)
        self.outcome.hide()
        column.addWidget(self.outcome)
        column.addStretch(1)
        self.close_button = secondary_button(_("Close"))
        bottom = QHBoxLayout()
        bottom.setContentsMargins(24, 0, 24, 16)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        holder.addLayout(bottom)
        scale_icons(self.choose_button, self.trust_button)
        self.choose_button.clicked.connect(self.choose)
        self.trust_button.clicked.connect(self.trust_and_add)
        self.cancel_trust_button.clicked.connect(self._cancel_trust)
        self.close_button.clicked.connect(self.accept)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(min(1300, max(680, em * 46)), min(720, max(600, em * 40)))
        self.choose_button.setFocus(Qt.OtherFocusReason)

    # -- steps ---------------------------------------------------------------------------------
    def choose(self) -> None:
        found = choose_path(self)
        if found is not None:
            self.import_path(found)

    def import_path(self, path: Path) -> None:
        """Read the file once (on the worker thread) and try to add what it holds."""
        self.path = path
        self.contents = None
        session = self.session

        def work() -> ImportResult | NeedsTrust:
            self.contents = entry_import.read(path)
            return attempt(session, self.contents, False)

        self._run(work)

    def trust_and_add(self) -> None:
        """After the numbers were compared: add what was already read, trusting its signer."""
        contents, session = self.contents, self.session
        if contents is not None:
            self._run(lambda: attempt(session, contents, True))

    def _run(self, work: Callable[[], ImportResult | NeedsTrust]) -> None:
        if self.tasks.busy:
            return
        self.message.clear_message()
        self.outcome.hide()
        self.compare.hide()
        self.choose_button.setEnabled(False)
        self.tasks.run(_("Checking the card…"), work, self._done, self._failed)

    def _cancel_trust(self) -> None:
        self.compare.hide()
        self._say(_("Nothing was added. You can try again when you have compared the numbers."))

    # -- outcomes ------------------------------------------------------------------------------
    def _done(self, found: ImportResult | NeedsTrust) -> None:
        self.choose_button.setEnabled(True)
        if isinstance(found, NeedsTrust):
            who = found.name or _("the professional")
            text = _("Is this card really from {who}?").format(who=who)
            self.compare_title.setText(text)
            self.compare_title.setAccessibleName(text)
            self.fingerprint.setText(fingerprint_label(found.fingerprint).text())
            self.fingerprint.setAccessibleName(_("Fingerprint: {digits}").format(digits=found.fingerprint))
            self.compare.show()
            self.cancel_trust_button.setDefault(True)
            self.trust_button.setFocus(Qt.OtherFocusReason)
            return
        self.result = found
        icon, words = headline(found.status)
        side = round(self.fontMetrics().height() * 2.2)
        self.outcome_icon.setPixmap(qta.icon(icon, color=GOOD).pixmap(side, side))
        self.outcome_icon.setAccessibleName(words)
        self.outcome_title.setText(words)
        self.outcome_title.setAccessibleName(words)
        self.outcome_text.setText(found.message)
        self.outcome_text.setAccessibleName(found.message)
        self.outcome.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.OtherFocusReason)
        self.imported.emit(found)

    def _failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self._say(exc.message if isinstance(exc, EntryRefused) else user_message(exc))

    def _say(self, text: str) -> None:
        self.message.show_message(text)


def open_import_entry(parent: QWidget | None, session: Any, tasks: TaskRunner) -> ImportEntryDialog:
    """The dialog, open window-modal (for the main window's menu); deleted when closed."""
    dialog = ImportEntryDialog(session, tasks, parent)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog
