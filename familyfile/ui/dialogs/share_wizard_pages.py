"""The share wizard's steps 1, 2, 4 and 5: who it is for, why, how, and what was done.
(Step 3, "What", is in ``share_wizard_what``.) One thing per step, big choices with icons,
plain words; each step says what to fix next to the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from familyfile.domain.child import Child
from familyfile.domain.consent import Purpose, Recipient
from familyfile.domain.involvement import agency_name
from familyfile.errors import FamilyFileError
from familyfile.i18n import _, ngettext
from familyfile.messages import user_message
from familyfile.services import consent
from familyfile.services import involvement as involvements
from familyfile.services.handover import DEFAULT_EXPIRES_DAYS
from familyfile.services.session import FamilySession
from familyfile.services.sharing import ShareRecord
from familyfile.ui.widgets.form import (
    FieldError,
    field_label,
    hint,
    icon_size,
    para,
    scaled_font,
    title,
)
from familyfile.ui.widgets.recipient_picker import (
    PURPOSE_ICONS,
    RECIPIENT_ICONS,
    ChoiceList,
    purpose_choices,
    read_purpose,
    recipient_choices,
)

NEW = "new"  # "Someone new" in the list of recipients
QR, PDF, SHARE, FHIR = "qr", "pdf", "share-file", "fhir"
FORMATS = (QR, PDF, SHARE, FHIR)
SIGNED = (QR, PDF, SHARE)
FORMAT_ICONS = {QR: "mdi6.qrcode", PDF: "mdi6.file-pdf-box", SHARE: "mdi6.file-send-outline",
                FHIR: "mdi6.hospital-box-outline"}


def format_words(fmt: str) -> str:
    return {QR: _("Show QR codes on this screen"), PDF: _("PDF to print or e-mail"),
            SHARE: _("Share file (for USB or e-mail)"),
            FHIR: _("FHIR file (for a clinical system)")}[fmt]


def _step(widget: QWidget, heading: str, why: str) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(title(heading))
    layout.addWidget(hint(why))
    layout.addSpacing(4)
    return layout


class WhoStep(QWidget):
    """Whose record (when there is more than one child) and who gets it."""

    def __init__(self, session: FamilySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = _step(self, _("Who is it for?"), _(
            "Choose the service or person you are giving the information to."))
        self.child_label = field_label(_("Whose record"))
        self.child = ChoiceList(_("Whose record"))
        layout.addWidget(self.child_label)
        layout.addWidget(self.child)
        self.recipient_label = field_label(_("Who gets it"))
        self.recipient = ChoiceList(_("Who gets it"))
        layout.addWidget(self.recipient_label)
        layout.addWidget(self.recipient)
        self.new_box = QWidget()
        new = QVBoxLayout(self.new_box)
        new.setContentsMargins(24, 0, 0, 0)
        self.name = QLineEdit()
        self.name_error = FieldError()
        self.role = QLineEdit()
        name_label = field_label(_("Their name"), self.name)
        role_label = field_label(_("Their job (if you know it)"), self.role)
        self.name.setAccessibleName(name_label.text())
        self.role.setAccessibleName(role_label.text())
        for widget in (name_label, hint(_("For example: Dr Ruth Evans")), self.name_error,
                       self.name, role_label, hint(_("For example: GP, dentist, childminder")),
                       self.role):
            new.addWidget(widget)
        layout.addWidget(self.new_box)
        self.child.changed.connect(self._child_changed)
        self.recipient.changed.connect(self._recipient_changed)

    def load(self, children: list[Child], child_id: str | None) -> None:
        self.child.set_choices([(f"{c.given_name} {c.family_name}".strip(), c.id,
                                 "mdi6.account-child-outline") for c in children])
        if child_id:
            self.child.select(lambda d: d == child_id)
        several = len(children) > 1
        self.child_label.setVisible(several)
        self.child.setVisible(several)
        self._child_changed()

    def child_id(self) -> str:
        return str(self.child.data())

    def _child_changed(self) -> None:
        chosen = self.recipient.data()
        child_id = self.child.data()
        rows: list[tuple[str, object, str]] = []
        if isinstance(child_id, str):
            kinds = {ref.agency_id: agency_name(ref.agency)
                     for ref in involvements.agencies(self.session, child_id)}
            matrix = consent.matrix(self.session, child_id)
            rows = [(words, who, RECIPIENT_ICONS.get(who.kind, "mdi6.account-outline"))
                    for words, who in recipient_choices(matrix, kinds)]
        rows.append((_("Someone new"), NEW, "mdi6.account-plus-outline"))
        self.recipient.set_choices(rows)
        if isinstance(chosen, Recipient):
            self.recipient.select(lambda d: isinstance(d, Recipient) and d.id == chosen.id)
        self._recipient_changed()

    def _recipient_changed(self) -> None:
        self.new_box.setVisible(self.recipient.data() == NEW)
        self.name_error.clear_message()

    def choose(self, recipient_id: str) -> bool:
        return self.recipient.select(lambda d: isinstance(d, Recipient) and d.id == recipient_id)

    def recipient_or_problem(self) -> Recipient | str:
        """The recipient, or a sentence saying what to fix (shown next to the name too)."""
        chosen = self.recipient.data()
        if isinstance(chosen, Recipient):
            return chosen
        name, role = " ".join(self.name.text().split()), " ".join(self.role.text().split())
        if not name:
            problem = _("Enter the name of the person you are giving it to")
            self.name_error.show_message(problem)
            return problem
        try:
            found = consent.professional(f"{name} ({role})" if role else name)
        except FamilyFileError as exc:
            self.name_error.show_message(user_message(exc))
            return user_message(exc)
        self.name_error.clear_message()
        return found

    def first_focus(self) -> QWidget | None:
        return self.recipient.group.checkedButton()


class WhyStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _step(self, _("Why are you sharing it?"), _(
            "What they will use it for. Your consent choices may differ for each reason."))
        self.purpose = ChoiceList(_("Why are you sharing it?"))
        self.purpose.set_choices([(words, key, PURPOSE_ICONS[key])
                                  for key, words in purpose_choices()])
        layout.addWidget(self.purpose)
        self.other = QLineEdit()
        self.other_label = field_label(_("Something else: say what"), self.other)
        self.other.setAccessibleName(self.other_label.text())
        self.other_error = FieldError()
        for widget in (self.other_label, self.other_error, self.other):
            layout.addWidget(widget)
        self.purpose.changed.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        other = self.purpose.data() == "other"
        self.other_label.setVisible(other)
        self.other.setVisible(other)
        if not other:
            self.other_error.clear_message()

    def chosen(self) -> Purpose | None:
        return read_purpose(self.purpose.data(), self.other.text(), self.other_error, self.other)

    def first_focus(self) -> QWidget | None:
        return self.purpose.group.checkedButton()


class HowStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = _step(self, _("How do you want to give it?"), _(
            "Choose what suits the person you are giving it to."))
        self.format = ChoiceList(_("How do you want to give it?"))
        self.format.set_choices([(format_words(f), f, FORMAT_ICONS[f]) for f in FORMATS])
        layout.addWidget(self.format)
        self.fhir_note = hint("")
        layout.addWidget(self.fhir_note)
        self.expires = QSpinBox()
        self.expires.setRange(1, 3650)
        self.expires.setValue(DEFAULT_EXPIRES_DAYS)
        self.expires.setSuffix(" " + _("days"))
        self.expires_label = field_label(_("How long they can check the cards"), self.expires)
        self.expires.setAccessibleName(self.expires_label.text())
        self.expires_hint = hint(_("After this, a checker says the cards are out of date. "
                                   "The usual is 90 days."))
        self.include_log = QCheckBox(_("Put the list of who has seen what in the PDF"))
        self.include_log.setAccessibleName(self.include_log.text())
        layout.addWidget(self.expires_label)
        layout.addWidget(self.expires_hint)
        layout.addWidget(self.expires, 0, Qt.AlignLeft)
        layout.addWidget(self.include_log)
        self.format.changed.connect(self._changed)
        self._changed()

    def chosen(self) -> str:
        return str(self.format.data())

    def allow(self, *, fhir_extra: int) -> None:
        """FHIR only when it would carry nothing beyond what the preview showed (it carries
        every review of the ticked parts, where the cards carry only the latest)."""
        self.format.set_enabled_where(lambda d: d == FHIR, fhir_extra == 0)
        self.fhir_note.setText(ngettext(
            "A FHIR file holds every review, not only the latest: it would also hold {n} "
            "thing the preview did not show, so it cannot be made from this choice.",
            "A FHIR file holds every review, not only the latest: it would also hold {n} "
            "things the preview did not show, so it cannot be made from this choice.",
            fhir_extra).format(n=fhir_extra))
        self.fhir_note.setVisible(fhir_extra > 0)
        if fhir_extra and self.chosen() == FHIR:
            self.format.select(lambda d: d == QR)
        self._changed()

    def _changed(self) -> None:
        fmt = self.chosen()
        for widget in (self.expires_label, self.expires_hint, self.expires):
            widget.setVisible(fmt in SIGNED)
        self.include_log.setVisible(fmt == PDF)

    def first_focus(self) -> QWidget | None:
        return self.format.group.checkedButton()


@dataclass
class Made:
    """What the wizard made (filled on the worker thread, shown on the last step)."""

    fmt: str
    path: Path | None
    record: ShareRecord
    fingerprint: str | None
    count: int  # the things that left, as the preview showed them
    cards: list[str] = field(default_factory=list)
    key_card: str | None = None
    card_sections: list[str] = field(default_factory=list)  # the section of each card


class DoneStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        mark = QLabel()
        side = icon_size(self)
        mark.setPixmap(qta.icon("mdi6.check-circle", color="#00703c").pixmap(side * 3))
        layout.addWidget(mark)
        self.heading = title(_("Done"))
        layout.addWidget(self.heading)
        self.what = para("")
        self.where = para("")
        self.where.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.read_out = para(_("Read this number out to them. If it matches the number their "
                               "checker shows, they know the cards came from you:"))
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setFont(scaled_font(self.fingerprint, 1.4, bold=True))
        self.fingerprint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.logged = para("")
        for widget in (self.what, self.where, self.read_out, self.fingerprint, self.logged):
            layout.addWidget(widget)

    def show_made(self, made: Made, who: str) -> None:
        count = made.count
        things = ngettext("{n} thing", "{n} things", count).format(n=count)
        if made.fmt == QR:
            cards = len(made.cards)
            text = ngettext("{cards} QR code for {who} ({things}) is shown on the screen.",
                            "{cards} QR codes for {who} ({things}) are shown on the screen.",
                            cards).format(cards=cards, who=who, things=things)
        else:
            what = {PDF: _("The PDF"), SHARE: _("The share file")}.get(made.fmt, _("The FHIR file"))
            text = _("{what} for {who} ({things}) was saved.").format(what=what, who=who,
                                                                       things=things)
        self.what.setText(text)
        self.where.setText(_("Saved as: {path}").format(path=made.path) if made.path else "")
        self.where.setVisible(made.path is not None)
        signed = made.fingerprint is not None
        self.read_out.setVisible(signed)
        self.fingerprint.setVisible(signed)
        self.fingerprint.setText(made.fingerprint or "")
        self.fingerprint.setAccessibleName(_("Family key fingerprint: {digits}").format(
            digits=made.fingerprint or ""))
        self.logged.setText(_("Recorded in the sharing log (\u201cWho has seen what\u201d)."))
        for widget in (self.what, self.where, self.logged):
            widget.setAccessibleName(widget.text())
