"""Overview: cards about the chosen child. Only what the family file really holds."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from familyfile.domain.child import Child, age_text
from familyfile.i18n import _
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.widgets.form import hint, note, primary_button, scaled_font


def date_text(child: Child) -> str:
    born = child.date_of_birth
    return QLocale().toString(QDate(born.year, born.month, born.day), "d MMM yyyy")


def card(heading: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
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
        column, _title, self.why = page_column(
            self, _("Overview"), _("A summary of your child's record."))

        self.about, about_body, self.about_title = card(_("About your child"))
        facts = QFormLayout()
        facts.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.name = QLabel()
        self.age = QLabel()
        self.born = QLabel()
        for label, value in ((_("Name"), self.name), (_("Age"), self.age),
                             (_("Date of birth"), self.born)):
            value.setWordWrap(True)
            value.setFont(scaled_font(value, 1.1))
            caption = QLabel(label)
            caption.setObjectName("hint")
            caption.setBuddy(value)
            facts.addRow(caption, value)
        about_body.addLayout(facts)
        column.addWidget(self.about)

        self.coming = note(_("A short summary of growth, immunisations and the journal will be "
                             "shown here later. For now, open them from the list on the left."))
        column.addWidget(self.coming)

        self.empty, empty_body, _heading = card(_("No child yet"))
        empty_body.addWidget(hint(_("Add a child with their name and date of birth to start "
                                    "their record.")))
        self.add_child = primary_button(_("Add a child"), qta.icon("mdi6.account-plus", color="white"))
        self.add_child.clicked.connect(lambda: context.navigate.emit("children"))
        scale_icons(self.add_child)
        empty_body.addWidget(self.add_child)
        column.addWidget(self.empty)
        column.addStretch(1)

        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        self.about.setVisible(child is not None)
        self.coming.setVisible(child is not None)
        self.empty.setVisible(child is None)
        if child is None:
            self.why.setText(_("A summary of your child's record."))
            return
        self.why.setText(_("A summary of {name}'s record.").format(name=child.given_name))
        self.about_title.setText(_("About {name}").format(name=child.given_name))
        self.name.setText(child.display_name)
        self.age.setText(age_text(child.date_of_birth, self.context.session.today()))
        self.born.setText(date_text(child))
        for value in (self.name, self.age, self.born):
            value.setAccessibleName(value.text())
