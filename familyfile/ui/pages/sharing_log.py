"""Who has seen what: every share of the child's information made from Family File, in words
a parent can read (when, to whom, why, what, how), for everyone or one service at a time.

"Include this list when I share" is a tick box the share wizard reads through
``include_in_export()``; it is not stored (the services keep no such setting yet).
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from familyfile.domain.involvement import agency_name
from familyfile.i18n import _
from familyfile.services import involvement as involvements
from familyfile.services import sharing
from familyfile.services.sharing import ShareRecord
from familyfile.ui.dialogs.share_wizard import ShareWizard, open_share_wizard
from familyfile.ui.models.sharing_log_model import WHEN, SharingLogModel
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.involvement_common import make_table
from familyfile.ui.pages.overview import card
from familyfile.ui.widgets.form import STYLE, chars_wide, field_label, hint, para, primary_button

EVERYONE = ""


class SharingLogPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE)
        self._all: list[ShareRecord] = []
        self._kinds: dict[str, str] = {}
        self.share_wizard: ShareWizard | None = None
        column, heading, why = page_column(self, _("Who has seen what"), "")
        heading.parentWidget().setMaximumWidth(max(1000, chars_wide(self, 140)))
        assert isinstance(why, QLabel)
        self.why = why
        log_card, body, _h = card(_("Everything shared from Family File"))
        body.addWidget(hint(_("Family File writes down every share it makes, and nobody can change "
                              "this list. Professionals may also share with each other without "
                              "asking you if a child may need protecting.")))
        self.filter = QComboBox()
        self.filter.setAccessibleName(_("Show shares with"))
        self.filter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.filter.setMinimumContentsLength(20)
        self.filter.setMaximumWidth(chars_wide(self, 70))
        body.addWidget(field_label(_("Show shares with"), self.filter))
        body.addWidget(self.filter)
        self.model = SharingLogModel(parent=self)
        self.view = make_table(self.model, _("Who has seen what"), snug=(WHEN,))
        self.empty = para("")
        body.addWidget(self.empty)
        body.addWidget(self.view)
        self.hand_over = primary_button(_("Hand over…"), qta.icon("mdi6.share-variant", color="white"))
        self.hand_over.setAccessibleName(_("Hand over part of the record"))
        self.hand_over.setToolTip(_("Choose who gets what, see exactly what leaves, then share "
                                    "it (Ctrl+H)"))
        self.hand_over.clicked.connect(self.open_share_wizard)
        body.addWidget(self.hand_over, 0, Qt.AlignLeft)
        column.addWidget(log_card)

        export_card, export_body, _h = card(_("Put this list in what you share"))
        self.include = QCheckBox(_("Include this list when I share or print the record"))
        self.include.setAccessibleName(self.include.text())
        export_body.addWidget(self.include)
        export_body.addWidget(hint(_("Then whoever gets the record can also see who else has had "
                                     "it. This tick is used the next time you share; it is not "
                                     "saved in the file.")))
        column.addWidget(export_card)
        column.addStretch(1)
        self.filter.currentIndexChanged.connect(self._show)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

    def open_share_wizard(self) -> ShareWizard:
        """The share wizard, told whether to put this list in what is shared."""
        self.share_wizard = open_share_wizard(self.context, self,
                                              include_sharing_log=self.include_in_export(),
                                              previous=self.share_wizard)
        self.share_wizard.finished.connect(self.refresh)
        return self.share_wizard

    def include_in_export(self) -> bool:
        """Whether the family wants the sharing log in the export (read by the share wizard)."""
        return self.include.isChecked()

    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        self.setEnabled(child is not None)
        if child is None:
            self.why.setText(_("Add a child first."))
            self._all = []
            self._show()
            return
        session = self.context.session
        self.why.setText(_("Every time you share {name}'s information from Family File, it is "
                           "written down here: when, to whom, why, what and how.").format(
                               name=child.given_name))
        self._all = sharing.share_log(session, child.id)
        chosen = self.filter.currentData()
        names: dict[str, str] = {r.recipient.id: r.recipient.name for r in self._all}
        self._kinds = {}
        for ref in involvements.agencies(session, child.id):
            names.setdefault(ref.agency_id, " \u2014 ".join(p for p in (ref.organisation, ref.team) if p))
            self._kinds[ref.agency_id] = agency_name(ref.agency)
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(_("Everyone"), EVERYONE)
        for recipient_id, name in sorted(names.items(), key=lambda p: p[1].casefold()):
            kind = self._kinds.get(recipient_id)
            self.filter.addItem(f"{kind}: {name}" if kind else name, recipient_id)
        self.filter.setCurrentIndex(max(self.filter.findData(chosen), 0))
        self.filter.blockSignals(False)
        self._show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Other pages may have changed the services or shared something: read again."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def show_only(self, recipient_id: str) -> None:
        self.filter.setCurrentIndex(max(self.filter.findData(recipient_id), 0))

    def _show(self, *_args: object) -> None:
        wanted = self.filter.currentData() or EVERYONE
        shown = [r for r in self._all if wanted == EVERYONE or r.recipient.id == wanted]
        self.model.set_records(shown, self._kinds)
        self.empty.setVisible(not shown)
        self.empty.setText(_("Nothing has been shared from Family File yet.") if not self._all
                           else _("Nothing has been shared with them from Family File."))

    def listed(self) -> list[str]:
        return [" | ".join(self.model.text(r, c) for c in range(self.model.columnCount()))
                for r in range(self.model.rowCount())]
