"""The verifier window: a practitioner opens a card a family (or another practitioner) gave
them — a photo of the QR, the PDF pack, a share file, pasted ``shc:/`` text, or the camera —
and sees one panel per card: the outcome in large words, the plain reason, who signed it,
the fingerprint, and the content. Needs no family file.

Keys that come with cards (a key card, a share file's key, a JWKS opened here) are only
*offered*: a card signed by one shows "Not checked yet" until the person compares the
fingerprint and trusts it (pinned in the trust store folder, injectable for tests).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.export.verify import Outcome, Verification
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import practitioner as practice
from familyfile.services import verifier
from familyfile.ui import camera_scan
from familyfile.ui.dialogs import confirm
from familyfile.ui.practitioner_panel import PractitionerBar
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    FieldError,
    hint,
    note,
    para,
    primary_button,
    scaled_font,
    scrolling_column,
    secondary_button,
    title,
)
from familyfile.ui.widgets.verification_card import DANGER, VerificationCard, fingerprint_label

FILE_FILTER = "Cards (*.png *.jpg *.jpeg *.pdf *.json *.smart-health-card *.txt *.shc);;All files (*)"


class TrustKeyDialog(QDialog):
    """Compare a fingerprint, then trust the key ("They match") — or, for a key that
    replaces one already trusted, tick a second confirmation first."""

    def __init__(self, fingerprint: str, who: str, parent: QWidget | None = None, *,
                 old_fingerprint: str | None = None) -> None:
        super().__init__(parent)
        replacing = old_fingerprint is not None
        self.setWindowTitle(_("Replace the trusted key") if replacing else _("Compare the fingerprint"))
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(title(_("Replace the key you trusted?") if replacing
                               else _("Compare the fingerprint before you trust it")))
        layout.addWidget(para(_("Signer: {who}").format(who=who)))
        layout.addWidget(para(_(
            "Ask the family to open Family File and show their key's fingerprint (a practitioner's "
            "app shows theirs the same way). Compare every group of five digits with these:")))
        self.fingerprint = fingerprint_label(fingerprint, 1.5)
        layout.addWidget(self.fingerprint)
        self.confirm: QCheckBox | None = None
        if old_fingerprint is not None:
            warning = para(_("You already trust a DIFFERENT key for this signer. Replace it only if "
                             "the family told you in person that they made a new key. The key you "
                             "trusted before:"))
            warning.setStyleSheet(f"color: {DANGER}; font-weight: bold;")
            layout.addWidget(warning)
            layout.addWidget(fingerprint_label(old_fingerprint, 1.0))
            self.confirm = QCheckBox(_("I checked the new fingerprint with them in person"))
            layout.addWidget(self.confirm)
        row = QHBoxLayout()
        self.accept_button = primary_button(
            _("Replace the trusted key") if replacing else _("They match — trust this key"),
            qta.icon("mdi6.shield-check-outline", color="white"))
        self.cancel_button = secondary_button(_("Cancel"))
        self.accept_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        if self.confirm is not None:
            self.accept_button.setEnabled(False)
            self.confirm.toggled.connect(self.accept_button.setEnabled)
        row.addWidget(self.accept_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.cancel_button.setDefault(True)


class VerifierWindow(QWidget):
    """``trust_dir``: the trust store's folder (tests pass a tmp_path); ``clock``: for expiry;
    ``kdf``: for a new practitioner identity file (tests pass a cheap one)."""

    def __init__(self, trust_dir: Path | None = None, clock: Clock = SYSTEM_CLOCK,
                 tasks: TaskRunner | None = None, parent: QWidget | None = None, *,
                 kdf: practice.KdfParams = practice.PRODUCTION_KDF) -> None:
        super().__init__(parent)
        self.trust_dir = trust_dir
        self.clock = clock
        self.tasks = tasks or TaskRunner(self)
        self.contents = verifier.Contents()
        self.results: list[Verification] = []
        self.panels: list[VerificationCard] = []
        self.dialog: QDialog | None = None
        self.source: Path | None = None  # the one file the cards shown came from (for a handover)
        self.setWindowTitle(_("Check a card – Family File"))
        self.setStyleSheet(STYLE)
        self.setAcceptDrops(True)
        column = scrolling_column(self, max_width=760)
        column.addWidget(title(_("Check a card")))
        column.addWidget(para(_(
            "Open a card a family or a practitioner gave you: a photo of its QR code, the PDF, or the "
            "share file. Family File checks that nobody changed it, that it is current, and who signed it.")))
        self.open_button = primary_button(_("Open a photo, PDF or file…"),
                                          qta.icon("mdi6.folder-open-outline", color="white"))
        self.camera_button = secondary_button(_("Scan with camera"), qta.icon("mdi6.camera-outline"))
        self.paste_button = secondary_button(_("Paste card text"), qta.icon("mdi6.content-paste"))
        self.identity = PractitionerBar(self.tasks, clock, kdf=kdf)
        self.identity.changed.connect(self.refresh)
        column.addWidget(self.identity)
        column.addWidget(self.open_button)  # on its own row, so large text never needs scrolling sideways
        row = QHBoxLayout()
        for button in (self.camera_button, self.paste_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.camera_note = hint("")
        if not camera_scan.camera_available():
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(camera_scan.no_camera_text())
            self.camera_button.setAccessibleDescription(camera_scan.no_camera_text())
            self.camera_note.setText(camera_scan.no_camera_text())
        else:
            self.camera_note.hide()
        column.addWidget(self.camera_note)
        column.addWidget(hint(_("You can also drag a file onto this window, or paste a card's text "
                                "(it starts with shc:/) with Ctrl+V.")))
        self.message = FieldError()
        column.addWidget(self.message)
        self.key_note = note("")
        self.key_note.hide()
        column.addWidget(self.key_note)
        self.summary = QLabel()
        self.summary.setFont(scaled_font(self.summary, 1.1, bold=True))
        self.summary.setWordWrap(True)
        self.summary.hide()
        column.addWidget(self.summary)
        self.results_box = QVBoxLayout()
        self.results_box.setSpacing(16)
        column.addLayout(self.results_box)
        column.addStretch(1)
        self.open_button.clicked.connect(self.choose_files)
        self.camera_button.clicked.connect(self.scan_with_camera)
        self.paste_button.clicked.connect(self.paste)
        self.paste_shortcut = QShortcut(QKeySequence.Paste, self)
        self.paste_shortcut.activated.connect(self.paste)
        self.open_button.setFocus(Qt.OtherFocusReason)

    # -- getting cards in ------------------------------------------------------------------------
    def choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self, _("Open a card"), "", _(FILE_FILTER))
        if chosen:
            self.open_paths([Path(p) for p in chosen])

    def open_paths(self, paths: list[Path]) -> None:
        """Read the files off the UI thread (a PDF takes seconds), then show every card."""
        if self.tasks.busy:
            return
        self.message.clear_message()
        self.open_button.setEnabled(False)
        source = paths[0] if len(paths) == 1 else None
        self.tasks.run(_("Reading the card…"), lambda: verifier.merged(*map(verifier.read_contents, paths)),
                       lambda found: self._read(found, source), self._failed)

    def paste(self) -> None:
        text = QApplication.clipboard().text()
        self.open_text(text)

    def open_text(self, text: str) -> None:
        self.message.clear_message()
        try:
            self._read(verifier.contents_from_text(text))
        except verifier.NotReadable as exc:
            self._failed(exc)

    def scan_with_camera(self) -> None:
        if not camera_scan.camera_available():
            self._say(camera_scan.no_camera_text())
            return
        dialog = camera_scan.CameraScanDialog(self)
        dialog.found.connect(self.open_text)
        self.dialog = dialog
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt)
        data = event.mimeData()
        if (data.hasUrls() and any(u.isLocalFile() for u in data.urls())) or data.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt)
        data = event.mimeData()
        paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        event.acceptProposedAction()
        if paths:
            self.open_paths(paths)
        elif data.hasText():
            self.open_text(data.text())

    def _failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        self._say(str(exc) if isinstance(exc, verifier.NotReadable) else user_message(exc))

    def _say(self, text: str) -> None:
        self.message.show_message(text)

    # -- showing results -------------------------------------------------------------------------
    def _read(self, found: verifier.Contents, source: Path | None = None) -> None:
        """``source``: the one file the cards came from (None when pasted, scanned or several)."""
        self.open_button.setEnabled(True)
        if found.cards:
            self.source = source  # a new card replaces the ones shown; keys opened before still count
            keys_only = verifier.Contents(key_cards=self.contents.key_cards, jwks=self.contents.jwks,
                                          key_names=self.contents.key_names)
            self.contents = verifier.merged(keys_only, found)
        else:
            self.contents = verifier.merged(self.contents, found)
            self._show_keys(found)
        self.refresh()

    def _show_keys(self, found: verifier.Contents) -> None:
        lines = [_("This file holds a signing key but no card. Cards you open in this window are "
                   "checked with it; it is not trusted until you compare its fingerprint.")]
        for candidate in verifier.candidates(found):
            lines.append(_("{who}: fingerprint {digits}").format(
                who=candidate.name or candidate.issuer or _("Key"), digits=candidate.fingerprint))
        label = self.key_note.findChild(QLabel)
        label.setText("\n".join(lines))
        label.setAccessibleName(label.text())
        self.key_note.show()

    def refresh(self) -> None:
        """Verify the cards again (after trusting a key) and redraw their panels."""
        for panel in self.panels:
            self.results_box.removeWidget(panel)
            panel.deleteLater()
        self.panels = []
        trust = verifier.load_trust(self.trust_dir)
        self.results = verifier.verify_contents(self.contents, trust, self.clock)
        for number, result in enumerate(self.results, 1):
            offered = verifier.offered_jwk(self.contents, result.kid)
            can_trust = result.issuer is not None and offered is not None
            panel = VerificationCard(number, result, self._signer_name(result), can_trust=can_trust,
                                     on_trust=lambda r=result: self.ask_trust(r),
                                     on_replace=lambda r=result: self.ask_trust(r, replace=True))
            self._offer_actions(panel, result)
            self.panels.append(panel)
            self.results_box.addWidget(panel)
        self._summarise()
        if self.panels:
            self.panels[0].headline.setFocus(Qt.OtherFocusReason)

    # -- practitioner mode -----------------------------------------------------------------------
    def _offer_actions(self, panel: VerificationCard, result: Verification) -> None:
        """With an identity open, a family's genuine card (or, after a warning, one from a key not
        trusted yet) offers "Record something for this child…" and "Send a receipt"."""
        if self.identity.practitioner is None or not result.family_file or result.outcome not in (
                Outcome.VERIFIED_KNOWN_SIGNER, Outcome.VALID_UNKNOWN_SIGNER):
            return
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 4)
        if self.source is None:
            layout.addWidget(hint(_("To record something for this child, open the family's file, photo or "
                                    "PDF with \"Open a photo, PDF or file…\".")))
            panel.add_actions(box)
            return
        row = QHBoxLayout()
        panel.record_button = primary_button(_("Record something for this child…"),
                                             qta.icon("mdi6.clipboard-edit-outline", color="white"))
        panel.receipt_button = secondary_button(_("Send a receipt"), qta.icon("mdi6.email-check-outline"))
        row.addWidget(panel.record_button)
        row.addWidget(panel.receipt_button)
        row.addStretch(1)
        layout.addLayout(row)
        known = result.outcome is Outcome.VERIFIED_KNOWN_SIGNER
        panel.record_button.clicked.connect(lambda: self.record(known))
        panel.receipt_button.clicked.connect(lambda: self.receipt(known))
        panel.add_actions(box)

    def _unknown_first(self, known: bool, go: Callable[[bool], None]) -> None:
        if known:
            go(False)
            return
        self.dialog = confirm(self, _("You have not trusted this family's key"), _(
            "You have not compared this family's fingerprint yet, so this card may not come from them. "
            "Compare it and trust it first if you can. Go on only if you are sure this is the family "
            "in front of you."), _("Go on without trusting"), lambda: go(True))

    def record(self, known: bool = True) -> None:
        """"Record something for this child…" (after a warning when the family's key is not trusted)."""
        source = self.source
        if source is not None:
            self._unknown_first(known, lambda accept: self.identity.record(source, self.trust_dir,
                                                                           accept_unknown=accept))

    def receipt(self, known: bool = True) -> None:
        source = self.source
        if source is not None:
            self._unknown_first(known, lambda accept: self.identity.receipt(source, self.trust_dir,
                                                                            accept_unknown=accept))

    def _summarise(self) -> None:
        verified = sum(r.verified for r in self.results)
        count = len(self.results)
        if count == 0:
            self.summary.hide()
            return
        if count == 1:
            text = _("1 card checked.")
        elif verified == count:
            text = _("{count} cards checked: all genuine and current.").format(count=count)
        else:
            text = _("{count} cards checked: {verified} genuine and current, {other} need your attention "
                     "(see each card below).").format(count=count, verified=verified, other=count - verified)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.summary.show()

    def _signer_name(self, result: Verification) -> str:
        return verifier.signer_name(self.contents, result.kid)

    # -- trusting a key --------------------------------------------------------------------------
    def ask_trust(self, result: Verification, *, replace: bool = False) -> None:
        jwk = verifier.offered_jwk(self.contents, result.kid)
        if jwk is None or result.issuer is None or result.fingerprint is None:
            return
        old = verifier.load_trust(self.trust_dir).key_for(result.issuer) if replace else None
        from familyfile.export.keys import fingerprint_of

        dialog = TrustKeyDialog(result.fingerprint, self._signer_name(result) or result.issuer, self,
                                old_fingerprint=fingerprint_of(old) if old is not None else None)
        issuer = result.issuer
        dialog.accepted.connect(lambda: self._trust(issuer, jwk, replace))
        self.dialog = dialog
        dialog.open()

    def _trust(self, issuer: str, jwk: dict[str, Any], replace: bool) -> None:
        try:
            verifier.trust_candidate(issuer, jwk, self.trust_dir, replace=replace)
        except (verifier.KeyAlreadyTrusted, OSError, ValueError) as exc:
            self._say(str(exc) if isinstance(exc, verifier.KeyAlreadyTrusted) else user_message(exc))
            return
        self.refresh()

    def outcomes(self) -> list[Outcome]:
        return [r.outcome for r in self.results]


_OPEN: list[VerifierWindow] = []


def open_verifier(trust_dir: Path | None = None) -> VerifierWindow:
    """The verifier as its own top-level window (from the unlock or welcome screen, or
    ``familyfile --verifier``); it stays open when those screens change."""
    window = VerifierWindow(trust_dir)
    window.setAttribute(Qt.WA_DeleteOnClose)
    _OPEN.append(window)
    window.destroyed.connect(lambda *_a: _OPEN.remove(window) if window in _OPEN else None)
    window.resize(900, 760)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
