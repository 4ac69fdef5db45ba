"""The share wizard: hand part of a child's record to a professional, in five steps —
1 who it is for, 2 why, 3 what (with the preview of exactly what leaves and what is held
back), 4 how (QR codes on the screen, PDF, share file, FHIR file), 5 done (what was made,
where, the fingerprint to read out). Every share goes through ``services.handover``, so the
consent rule decides what leaves and the sharing log records it.

The slow part (signing, drawing, writing) runs on the task runner. ``choose_path`` asks
where to save a file; tests replace it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QWidget

from familyfile.domain.consent import Purpose, Recipient
from familyfile.export import pdf_pack, shc
from familyfile.i18n import _
from familyfile.messages import share_message
from familyfile.services import handover, sharing, signing
from familyfile.ui.dialogs import scale_icons, start_task
from familyfile.ui.dialogs.qr_fullscreen import Card, QrViewer
from familyfile.ui.dialogs.share_wizard_pages import (
    FHIR,
    PDF,
    QR,
    SHARE,
    SIGNED,
    DoneStep,
    HowStep,
    Made,
    WhoStep,
    WhyStep,
)
from familyfile.ui.dialogs.share_wizard_what import WhatStep
from familyfile.ui.pages import PageContext
from familyfile.ui.widgets.form import (
    STYLE,
    ErrorSummary,
    link_button,
    primary_button,
    scrolling_column,
    secondary_button,
)

#: Tick boxes and round buttons grow with the text (200% text: big enough to hit).
WIZARD_STYLE = """
QCheckBox::indicator, QRadioButton::indicator { width: 1.1em; height: 1.1em; }
"""
#: Where each kind of file is suggested to go: the names say nothing about the child.
FILE_NAMES = {PDF: "family-file-share.pdf", SHARE: "family-file-share.json",
              FHIR: "family-file-fhir.json"}


def make_words(fmt: str) -> str:
    """What the last button of step 4 says: what it will do."""
    return {QR: _("Show the QR codes"), PDF: _("Make the PDF"), SHARE: _("Make the share file"),
            FHIR: _("Make the FHIR file")}[fmt]


class ShareWizard(QDialog):
    """Open with ``open()``; ``made`` holds the last thing made (None until then)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None, *,
                 include_sharing_log: bool = False, child_id: str | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = context.session
        self.setWindowTitle(_("Hand over part of the record"))
        self.setStyleSheet(STYLE + WIZARD_STYLE)
        self.made: Made | None = None
        self.viewer: QrViewer | None = None
        self._recipient: Recipient | None = None
        self._purpose: Purpose | None = None
        column = scrolling_column(self, 720)
        self.step_label = QLabel()
        self.step_label.setObjectName("hint")
        self.summary = ErrorSummary()
        self.who = WhoStep(self.session)
        self.why = WhyStep()
        self.what = WhatStep(self.session)
        self.how = HowStep()
        self.done_step = DoneStep()
        self.steps: list[QWidget] = [self.who, self.why, self.what, self.how, self.done_step]
        self.how.include_log.setChecked(include_sharing_log)
        column.addWidget(self.step_label)
        column.addWidget(self.summary)
        for step in self.steps:
            column.addWidget(step)
            step.hide()
        self.back = secondary_button(_("Back"), qta.icon("mdi6.arrow-left"))
        self.next = primary_button(_("Continue"), qta.icon("mdi6.arrow-right", color="white"))
        self.show_again = secondary_button(_("Show the QR codes again"), qta.icon("mdi6.qrcode"))
        self.cancel = link_button(_("Cancel: share nothing"))
        scale_icons(self.back, self.next, self.show_again)
        buttons = QHBoxLayout()
        for button in (self.next, self.show_again, self.back):
            buttons.addWidget(button)
            buttons.addSpacing(12)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(1)
        self.next.setDefault(True)  # Enter anywhere in a step goes on
        self.next.clicked.connect(self.go_next)
        self.back.clicked.connect(self.go_back)
        self.cancel.clicked.connect(self.reject)
        self.show_again.clicked.connect(self.show_codes)
        self.what.changed.connect(self._what_changed)
        self.how.format.changed.connect(self._format_changed)
        self.summary.link_activated.connect(self._focus_field)
        self.setTabOrder(self.next, self.show_again)
        self.setTabOrder(self.show_again, self.back)
        self.setTabOrder(self.back, self.cancel)
        chosen = child_id or (c.id if (c := context.current_child()) else None)
        self.who.load(context.children(), chosen)
        self.index = 0
        self.resize(900, 700)
        self._show(0)

    # -- what was chosen ---------------------------------------------------------------------
    @property
    def child_id(self) -> str:
        return self.who.child_id()

    def child_name(self) -> str:
        child = self.session.child(self.child_id)
        return f"{child.given_name} {child.family_name}".strip()

    # -- moving between steps ----------------------------------------------------------------
    def _show(self, index: int) -> None:
        self.index = index
        for i, step in enumerate(self.steps):
            step.setVisible(i == index)
        done = index == len(self.steps) - 1
        self.step_label.setText(_("Step {n} of {total}").format(n=index + 1, total=len(self.steps)))
        self.back.setVisible(0 < index < len(self.steps) - 1)
        self.cancel.setVisible(not done)
        self.show_again.setVisible(done and self.made is not None and self.made.fmt == QR)
        if done:
            self.next.setText(_("Close"))
            self.next.setIcon(qta.icon("mdi6.check", color="white"))
        elif index == 3:
            self.how.allow(fhir_extra=self.what.fhir_extra())
            self._update_make_words()
        else:
            self.next.setText(_("Continue"))
            self.next.setIcon(qta.icon("mdi6.arrow-right", color="white"))
        self.next.setAccessibleName(self.next.text())
        self.next.setEnabled(index != 2 or self.what.can_go_on())
        target = self._first_focus()
        if target is not None:
            target.setFocus(Qt.TabFocusReason)

    def _first_focus(self) -> QWidget | None:
        step = self.steps[self.index]
        if step is self.done_step:
            return self.next
        if isinstance(step, (WhoStep, WhyStep, HowStep, WhatStep)):
            return step.first_focus()
        return None

    def _update_make_words(self) -> None:
        self.next.setText(make_words(self.how.chosen()))
        self.next.setIcon(qta.icon("mdi6.send", color="white"))
        self.next.setAccessibleName(self.next.text())

    def go_next(self) -> None:
        if self.context.tasks.busy:
            return
        self.summary.clear_errors()
        if self.index == 0:
            found = self.who.recipient_or_problem()
            if isinstance(found, str):
                self.summary.show_errors([("name", found)])
                return
            self._recipient = found
        elif self.index == 1:
            purpose = self.why.chosen()
            if purpose is None:
                self.summary.show_errors([("other", self.why.other_error.text())])
                return
            self._purpose = purpose
            assert self._recipient is not None
            self.what.show_for(self.child_id, self.child_name(), self._recipient, purpose,
                               self.what.choices())
        elif self.index == 2:
            if not self.what.can_go_on():
                return
        elif self.index == 3:
            self.make()
            return
        else:
            self.accept()
            return
        self._show(self.index + 1)

    def go_back(self) -> None:
        if 0 < self.index < len(self.steps) - 1 and not self.context.tasks.busy:
            self.summary.clear_errors()
            self._show(self.index - 1)

    def _what_changed(self) -> None:
        if self.index == 2:
            self.next.setEnabled(self.what.can_go_on())

    def _format_changed(self) -> None:
        if self.index == 3:
            self._update_make_words()

    def _focus_field(self, key: str) -> None:
        target = {"name": self.who.name, "other": self.why.other}.get(key)
        if target is not None:
            target.setFocus(Qt.OtherFocusReason)

    # -- making ------------------------------------------------------------------------------
    def choose_path(self, fmt: str) -> Path | None:
        """Ask where to save the file (None: the person cancelled). Tests replace this."""
        filters = {PDF: _("PDF (*.pdf)"), SHARE: _("Share file (*.json)"),
                   FHIR: _("FHIR file (*.json)")}
        start = str(Path.home() / FILE_NAMES[fmt])
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the file"), start, filters[fmt])
        return Path(chosen) if chosen else None

    def make(self) -> None:
        fmt = self.how.chosen()
        path = None
        if fmt != QR:
            path = self.choose_path(fmt)
            if path is None:
                return
        assert self._recipient is not None and self._purpose is not None
        args = (self.session, self.child_id, self._recipient, self._purpose, self.what.choices())
        sections = list(self.what.sections())
        days = self.how.expires.value()
        name = self.child_name()
        include_log = self.how.include_log.isChecked()
        count = self.what.leaving_count()

        def work() -> Made:
            return self._produce(fmt, path, args, sections, days, name, include_log, count)

        self.next.setEnabled(False)
        if not start_task(self.context.tasks, self, _("Making it…"), work, self._made, self._failed):
            self.next.setEnabled(True)

    def _produce(self, fmt: str, path: Path | None, args: tuple[Any, ...], sections: list[str],
                 days: int, name: str, include_log: bool, count: int) -> Made:
        """On the worker thread: build, write and log through ``services.handover``."""
        session, child_id = args[0], args[1]
        before = len(sharing.share_log(session, child_id))
        fingerprint, cards, key_card = None, [], None
        card_sections: list[str] = []
        if fmt == FHIR:
            assert path is not None
            handover.write_fhir(*args, path, sections)
        else:
            key = signing.current_key(session)
            fingerprint = key.fingerprint
            if fmt == QR:
                made_cards = handover.make_cards_by_section(*args, key, sections, days)
                cards = [jws for _section, jws in made_cards]
                card_sections = [section for section, _jws in made_cards]
                key_card = shc.encode_key_card(key, signing.issuer(session), name,
                                               session.clock.now())
            elif fmt == SHARE:
                assert path is not None
                handover.write_share_file(*args, key, sections, path, name, days)
            else:
                assert path is not None
                handover.write_pdf(*args, key, sections, path, name, days,
                                   include_sharing_log=include_log)
        log = sharing.share_log(session, child_id)
        if len(log) <= before:
            raise RuntimeError("the share was not recorded")
        return Made(fmt, path, log[-1], fingerprint, count, cards, key_card, card_sections)

    def _made(self, made: Made) -> None:
        self.made = made
        self.next.setEnabled(True)
        assert self._recipient is not None
        self.done_step.show_made(made, self._recipient.name)
        self._show(len(self.steps) - 1)
        if made.fmt == QR:
            self.show_codes()

    def _failed(self, exc: BaseException) -> None:
        self.next.setEnabled(True)
        self.summary.show_errors([("", share_message(exc))])

    def show_codes(self) -> QrViewer | None:
        made = self.made
        if made is None or made.fmt != QR or made.fingerprint is None:
            return None
        name = self.session.child(self.child_id).given_name
        titles = pdf_pack.section_titles()
        sections = made.card_sections or [""] * len(made.cards)
        cards = []
        for n, (section, jws) in enumerate(zip(sections, made.cards, strict=True)):
            same = [i for i, s in enumerate(sections) if s == section]
            part = titles.get(section, _("Part of the record"))
            if len(same) > 1:
                part = _("{part} ({n} of {count})").format(part=part, n=same.index(n) + 1, count=len(same))
            cards.append(Card(jws, _("{part} — from {name}'s record: scan it with the Family File "
                                     "checker").format(part=part, name=name)))
        if made.key_card:
            cards.append(Card(made.key_card, _("The family's key: scan this once, then compare "
                                               "the number below with the one read out to you")))
        if self.viewer is not None:  # one viewer at a time; the old one is freed at once
            self.viewer.close()
            self.viewer.setParent(None)
        self.viewer = QrViewer(cards, made.fingerprint, self)
        self.viewer.show_full()
        return self.viewer


def open_share_wizard(context: PageContext, parent: QWidget | None = None, *,
                      include_sharing_log: bool = False,
                      previous: ShareWizard | None = None) -> ShareWizard:
    """The wizard for the child being looked at, opened window-modal. The caller keeps it
    and passes it back as ``previous`` next time: that one is then closed and let go of
    here, at once (not with ``deleteLater``, so nothing of it outlives its Python side)."""
    if previous is not None:
        previous.close()
        previous.setParent(None)  # ours now: freed when the last reference goes
    wizard = ShareWizard(context, parent, include_sharing_log=include_sharing_log)
    wizard.setWindowModality(Qt.WindowModal)
    wizard.open()
    return wizard


__all__ = ["SIGNED", "ShareWizard", "open_share_wizard"]
