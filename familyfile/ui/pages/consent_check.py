"""The "Check what would be shared" panel of the consent page: choose a service and a
reason, and see exactly what would leave and what is held back (the share preview)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from familyfile.domain import consent as rules
from familyfile.domain.consent import Recipient
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services.consent import ConsentMatrix
from familyfile.services.session import FamilySession
from familyfile.ui.widgets.form import FieldError, field_label, hint, secondary_button
from familyfile.ui.widgets.share_preview import SharePreview


def purpose_choices() -> list[tuple[str, str]]:
    return [("care", _("To look after your child (care)")),
            ("education", _("For nursery or school (education)")),
            ("referral", _("To send your child to another service (referral)")),
            ("other", _("Something else"))]


class CheckPanel(QWidget):
    """Nothing is shared from here: it only shows what a share would hold."""

    def __init__(self, session: FamilySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(_("Nothing is sent from here. Pick a service and a reason to see "
                                "what would leave your computer if you shared today.")))
        self.recipient = QComboBox()
        self.purpose = QComboBox()
        for value, words in purpose_choices():
            self.purpose.addItem(words, value)
        for box in (self.recipient, self.purpose):  # long names must not widen the page
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(20)
        self.other = QLineEdit()
        self.other_error = FieldError()
        for label, widget in ((_("Who would get it"), self.recipient),
                              (_("What it is for"), self.purpose)):
            layout.addWidget(field_label(label, widget))
            widget.setAccessibleName(label)
            layout.addWidget(widget)
        self.other_label = field_label(_("Something else: say what"), self.other)
        self.other.setAccessibleName(self.other_label.text())
        layout.addWidget(self.other_label)
        layout.addWidget(self.other_error)
        layout.addWidget(self.other)
        self.check_button = secondary_button(_("Check what would be shared"))
        layout.addWidget(self.check_button, 0, Qt.AlignLeft)
        self.preview = SharePreview(session)
        self.preview.hide()
        layout.addWidget(self.preview)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.check_button.clicked.connect(self.check)
        self.other.returnPressed.connect(self.check)
        self._purpose_changed()

    def _purpose_changed(self, *_args: object) -> None:
        other = self.purpose.currentData() == "other"
        self.other_label.setVisible(other)
        self.other.setVisible(other)
        if not other:
            self.other_error.clear_message()

    def set_recipients(self, child_id: str, matrix: ConsentMatrix,
                       kinds: dict[str, str] | None = None) -> None:
        """Every service and person in the matrix (a team itself is never sent anything);
        ``kinds``: recipient id → the kind of service, shown first."""
        kinds = kinds or {}
        chosen = self.recipient.currentData()
        self.child_id = child_id
        self.recipient.clear()
        for row in matrix.rows:
            if row.recipient.kind != rules.TEAM:
                kind = kinds.get(row.recipient.id)
                words = f"{kind}: {row.recipient.name}" if kind else row.recipient.name
                self.recipient.addItem(words, row.recipient)
        index = next((i for i in range(self.recipient.count())
                      if chosen and self.recipient.itemData(i).id == chosen.id), 0)
        self.recipient.setCurrentIndex(index)
        self.check_button.setEnabled(self.recipient.count() > 0)
        if not self.preview.isHidden():
            self.preview.refresh()  # the same service, reason and choices: consent may have changed

    def choose(self, recipient_id: str, purpose: str = "care", text: str = "") -> None:
        for i in range(self.recipient.count()):
            if self.recipient.itemData(i).id == recipient_id:
                self.recipient.setCurrentIndex(i)
        self.purpose.setCurrentIndex(self.purpose.findData(purpose))
        self.other.setText(text)

    def check(self) -> None:
        who = self.recipient.currentData()
        if self.child_id is None or not isinstance(who, Recipient):
            return
        try:
            purpose = rules.purpose(self.purpose.currentData(), self.other.text())
        except ValidationError as exc:
            self.other_error.show_message(user_message(exc))
            self.other.setFocus(Qt.OtherFocusReason)
            return
        self.other_error.clear_message()
        self.preview.show_for(self.child_id, who, purpose)
        self.preview.show()
