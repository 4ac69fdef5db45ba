"""One card's result in the verifier window: the outcome as a large headline (icon and words,
never colour alone), the plain reason, who signed it, the fingerprint in groups, the dates,
and then the content in readable form. Only VERIFIED_KNOWN_SIGNER ever gets the tick."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from familyfile.export import readable
from familyfile.export.verify import Outcome, Verification
from familyfile.i18n import _
from familyfile.ui.widgets.fitted_table import FittedTable
from familyfile.ui.widgets.form import para, scaled_font, secondary_button

GOOD, CAUTION, DANGER = "#00703c", "#8a5a00", "#b0281a"


def headline(outcome: Outcome) -> tuple[str, str, str]:
    """(icon, words, colour) for an outcome: the words alone must tell a person what to do."""
    table = {
        Outcome.VERIFIED_KNOWN_SIGNER: ("mdi6.check-decagram",
                                        _("Genuine and current — from a key you trust"), GOOD),
        Outcome.VALID_UNKNOWN_SIGNER: ("mdi6.account-question-outline",
                                       _("Not checked yet — you have not trusted this signer's key"),
                                       CAUTION),
        Outcome.UNKNOWN_KEY: ("mdi6.key-remove", _("Cannot be checked — the key that signed it is missing"),
                              CAUTION),
        Outcome.SIGNER_KEY_CHANGED: ("mdi6.alert-octagon",
                                     _("Warning: signed with a different key from the one you trusted"),
                                     DANGER),
        Outcome.ALTERED: ("mdi6.close-octagon", _("Do not rely on this card: it has been changed or forged"),
                          DANGER),
        Outcome.EXPIRED: ("mdi6.calendar-remove", _("Out of date: this card has expired"), CAUTION),
        Outcome.NOT_YET_VALID: ("mdi6.calendar-clock", _("Not valid yet: its start date is in the future"),
                                CAUTION),
        Outcome.NOT_A_FAMILY_FILE_CARD: ("mdi6.help-circle-outline", _("This is not a health card"), CAUTION),
        Outcome.UNREADABLE: ("mdi6.file-alert-outline", _("This card could not be read"), CAUTION),
    }
    return table[outcome]


def fingerprint_lines(fingerprint: str) -> str:
    """60 digits as three lines of four groups, easier to read aloud and compare."""
    groups = fingerprint.split()
    return "\n".join(" ".join(groups[i:i + 4]) for i in range(0, len(groups), 4))


def fingerprint_label(fingerprint: str, factor: float = 1.15) -> QLabel:
    label = QLabel(fingerprint_lines(fingerprint))
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    font.setPointSizeF(max(label.font().pointSizeF(), 6.0) * factor)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setAccessibleName(_("Fingerprint: {digits}").format(digits=fingerprint))
    return label


def _day(seconds: Any) -> str:
    try:
        return readable.date_text(datetime.fromtimestamp(float(seconds), UTC).date().isoformat())
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else ""


class VerificationCard(QFrame):
    """``trust_button`` (unknown signer with its key at hand) and ``replace_button`` (key
    changed) call back into the window; everything else is read-only."""

    def __init__(self, number: int, result: Verification, signer_name: str = "", *,
                 can_trust: bool = False, on_trust: Callable[[], None] | None = None,
                 on_replace: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setObjectName("card")
        icon_name, words, colour = headline(result.outcome)
        self.setStyleSheet(f"QFrame#card {{ background: white; border: 1px solid #b1b4b6; "
                           f"border-left: 8px solid {colour}; border-radius: 4px; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        icon = QLabel()
        side = round(self.fontMetrics().height() * 2.4)
        icon.setPixmap(qta.icon(icon_name, color=colour).pixmap(side, side))
        icon.setAccessibleName(words)
        self.headline = QLabel(words)
        self.headline.setWordWrap(True)
        self.headline.setFont(scaled_font(self.headline, 1.45, bold=True))
        self.headline.setStyleSheet(f"color: {colour};")
        self.headline.setAccessibleName(_("Card {n}: {words}").format(n=number, words=words))
        top.addWidget(icon, 0, Qt.AlignTop)
        top.addWidget(self.headline, 1)
        layout.addLayout(top)
        self.reason = para(_("Why: {reason}").format(reason=_sentence(result.reason)))
        layout.addWidget(self.reason)
        self.details = para("\n".join(self._details(signer_name)))
        layout.addWidget(self.details)
        self.details.setVisible(bool(self.details.text()))
        if result.fingerprint:
            layout.addWidget(para(_("The key it claims to be signed with (the signature does not match it):")
                                  if result.outcome is Outcome.ALTERED else _("Signer's fingerprint:")))
            self.fingerprint = fingerprint_label(result.fingerprint)
            layout.addWidget(self.fingerprint)
        self.trust_button = self.replace_button = None
        self.record_button: QPushButton | None = None  # practitioner mode (see ``add_actions``)
        self.receipt_button: QPushButton | None = None
        if result.outcome is Outcome.VALID_UNKNOWN_SIGNER and can_trust and on_trust is not None:
            layout.addWidget(para(_("Before you rely on it, compare this fingerprint with the one the "
                                    "family's (or practitioner's) app shows.")))
            self.trust_button = secondary_button(_("Compare fingerprint and trust…"),
                                                 qta.icon("mdi6.shield-key-outline"))
            self.trust_button.clicked.connect(lambda: on_trust())
            layout.addWidget(self.trust_button)
        if result.outcome is Outcome.SIGNER_KEY_CHANGED:
            warning = para(_("This card says it comes from someone you already trust, but it was "
                             "signed with a different key. It may be forged. Do not rely on it. Ask the "
                             "family in person whether they made a new key before doing anything else."))
            warning.setStyleSheet(f"color: {DANGER}; font-weight: bold;")
            layout.addWidget(warning)
            if can_trust and on_replace is not None:
                self.replace_button = secondary_button(_("Replace the trusted key…"),
                                                       qta.icon("mdi6.key-change"))
                self.replace_button.clicked.connect(lambda: on_replace())
                layout.addWidget(self.replace_button)
        self.content_lines: list[str] = []
        if result.payload is not None and result.outcome is not Outcome.ALTERED:
            self._add_content(layout, readable.describe(result.payload, signer=signer_name,
                                                        fingerprint=result.fingerprint or ""))

    def add_actions(self, actions: QWidget) -> None:
        """What the practitioner can do with this card (their identity open): after who signed it."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(3, actions)

    def _details(self, signer_name: str) -> list[str]:
        result, lines = self.result, []
        if result.issuer:
            if not result.family_file and not result.issuer.startswith(readable.PRACTITIONER_ISS_PREFIX):
                lines.append(_("From another issuer: {iss}").format(iss=result.issuer))
            elif signer_name:
                lines.append(_("Signed by: {name}").format(name=signer_name))
            else:
                lines.append(_("Issuer: {iss}").format(iss=result.issuer))
        payload = result.payload or {}
        if _day(payload.get("nbf")):
            lines.append(_("Made on: {day}").format(day=_day(payload.get("nbf"))))
        if "exp" in payload and _day(payload.get("exp")):
            lines.append(_("Valid until: {day}").format(day=_day(payload.get("exp"))))
        elif result.payload is not None:
            lines.append(_("No end date"))
        return lines

    def _add_content(self, layout: QVBoxLayout, card: readable.ReadableCard) -> None:
        rule = QFrame()
        rule.setFrameShape(QFrame.HLine)
        layout.addWidget(rule)
        heading = _("What the card says") if self.result.verified else _(
            "What the card says — not confirmed, see above")
        top = QLabel(heading)
        top.setFont(scaled_font(top, 1.2, bold=True))
        layout.addWidget(top)
        self.origin = para(card.origin)
        layout.addWidget(self.origin)
        self.content_lines = readable.text_lines(card)
        for section in card.sections:
            label = QLabel(section.title)
            label.setFont(scaled_font(label, 1.05, bold=True))
            layout.addWidget(label)
            for line in section.lines:
                text = para(line)
                text.setTextInteractionFlags(Qt.TextSelectableByMouse)
                layout.addWidget(text)
            if section.table is not None:
                model = QStandardItemModel(0, len(section.table.headers), self)
                model.setHorizontalHeaderLabels(list(section.table.headers))
                for row in section.table.rows:
                    model.appendRow([QStandardItem(cell) for cell in row])
                table = FittedTable(model, section.title)
                table.fit()
                layout.addWidget(table)
