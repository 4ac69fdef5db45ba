"""About me: the "hospital passport" front page — what a new doctor, nurse or teacher
should know first. Critical alerts at the top; the NHS number masked until "Show"."""

from __future__ import annotations

from typing import cast

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from familyfile.domain import nhs_number
from familyfile.domain.about_me import AboutMe
from familyfile.domain.child import age_text
from familyfile.domain.entry import Entry
from familyfile.i18n import _
from familyfile.services import about_me as about
from familyfile.ui.dialogs.about_me_form import AboutMeDialog, sex_choices
from familyfile.ui.dialogs.alert_dialog import AlertDialog
from familyfile.ui.dialogs.entry_form import date_text, open_dialog
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.overview import card
from familyfile.ui.widgets.address_history import AddressHistory
from familyfile.ui.widgets.alerts_panel import AlertsPanel
from familyfile.ui.widgets.form import STYLE, hint, icon_size, primary_button, scaled_font


class FactsCard(QWidget):
    """A card of label: value rows; empty rows are hidden, and an empty card says so."""

    def __init__(self, heading: str, rows: list[tuple[str, str]], empty: str) -> None:
        super().__init__()
        frame, body, self.heading = card(heading)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key, label in rows:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            value.setFont(scaled_font(value, 1.05))
            caption = QLabel(label)
            caption.setObjectName("hint")
            caption.setAlignment(Qt.AlignLeft | Qt.AlignTop)  # beside the first line of a long value
            caption.setBuddy(value)
            self.form.addRow(caption, value)
            self.values[key] = value
            self.captions[key] = caption
        self.empty = hint(empty)
        body.addWidget(self.empty)
        body.addLayout(self.form)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)

    def show_values(self, texts: dict[str, str]) -> None:
        for key, value in self.values.items():
            text = texts.get(key, "")
            value.setText(text)
            value.setAccessibleName(f"{self.captions[key].text()}: {text}")
            self.form.setRowVisible(value, bool(text))
        self.empty.setVisible(not any(texts.get(k) for k in self.values))

    def text(self, key: str) -> str:
        return self.values[key].text()


def _contact(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


class AboutMePage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.record: AboutMe | None = None
        self.setStyleSheet(STYLE)
        column, heading, self.why = page_column(
            self, _("About me"), _("What a new doctor, nurse or teacher should know first."))
        self.heading = cast(QLabel, heading)
        self.edit_button = primary_button(_("Edit About me"), qta.icon("mdi6.pencil", color="white"))
        self.edit_button.clicked.connect(self.edit)
        column.addWidget(self.edit_button)
        self.alerts = AlertsPanel()
        self.alerts.add_requested.connect(self.add_alert)
        self.alerts.edit_requested.connect(self.edit_alert)
        column.addWidget(self.alerts)
        self.identity = FactsCard(_("Who I am"), [
            ("known_as", _("Known as")), ("legal_name", _("Legal name")),
            ("born", _("Date of birth")), ("sex", _("Sex (for growth charts)")),
            ("previous_names", _("Previous names")), ("upn", _("Unique Pupil Number")),
            ("local_authority_id", _("Council ID"))], "")
        self.nhs_value = QLabel()
        self.nhs_value.setFont(scaled_font(self.nhs_value, 1.05))
        self.nhs_toggle = QPushButton()
        self.nhs_toggle.setCheckable(True)
        self.nhs_toggle.setIconSize(icon_size(self.nhs_toggle))
        self.nhs_toggle.toggled.connect(self._show_nhs)
        nhs_row = QHBoxLayout()
        nhs_row.addWidget(self.nhs_value)
        nhs_row.addWidget(self.nhs_toggle)
        nhs_row.addStretch(1)
        self.nhs_caption = QLabel(_("NHS number"))
        self.nhs_caption.setObjectName("hint")
        self.nhs_caption.setBuddy(self.nhs_toggle)
        self.identity.form.insertRow(3, self.nhs_caption, nhs_row)
        self.everyday = FactsCard(_("Getting to know me"), [
            ("languages", _("Languages at home")), ("communication", _("How I communicate")),
            ("what_helps", _("What helps me")), ("likes", _("I like")),
            ("dislikes", _("I do not like"))],
            _("Nothing here yet. Choose Edit About me to add how the child communicates, what "
              "helps, and what they like."))
        self.people = FactsCard(_("People who help me"), [
            ("gp", _("GP")), ("health_visitor", _("Health visitor")),
            ("key_worker", _("Key worker")), ("nursery_school", _("Nursery or school"))],
            _("No one added yet. Choose Edit About me to add the GP, health visitor, key worker "
              "or nursery."))
        captions = [self.nhs_caption, *self.identity.captions.values(),
                    *self.everyday.captions.values(), *self.people.captions.values()]
        widest = max(c.sizeHint().width() for c in captions)
        for caption in captions:  # the values line up from card to card
            caption.setMinimumWidth(widest)
        self.addresses = AddressHistory(context.session)
        for widget in (self.identity, self.everyday, self.people, self.addresses):
            column.addWidget(widget)
        self.no_child = hint(_("Add a child on the Children page first."))
        column.addWidget(self.no_child)
        column.addStretch(1)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

    # -- showing ------------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        for widget in (self.edit_button, self.alerts, self.identity, self.everyday, self.people,
                       self.addresses):
            widget.setVisible(child is not None)
        self.no_child.setVisible(child is None)
        self.addresses.show_child(child.id if child else None)
        if child is None:
            self.heading.setText(_("About me"))
            return
        record, _entry = about.get_about_me(self.context.session, child.id)
        self.record = record
        self.heading.setText(_("About {name}").format(name=record.called))
        self.alerts.show_alerts(about.alerts(self.context.session, child.id))
        today = self.context.session.today()
        self.identity.show_values({
            "known_as": record.known_as, "legal_name": record.legal_name,
            "born": _("{date} ({age})").format(date=date_text(record.date_of_birth.isoformat()),
                                               age=age_text(record.date_of_birth, today)),
            "sex": dict(sex_choices()).get(record.sex, "") if record.sex else "",
            "previous_names": ", ".join(record.previous_names), "upn": record.upn,
            "local_authority_id": record.local_authority_id})
        self.identity.form.setRowVisible(self.nhs_caption, bool(record.nhs_number))
        self.nhs_toggle.setChecked(False)
        self._show_nhs(False)
        self.everyday.show_values({
            "languages": ", ".join(record.languages), "communication": record.communication,
            "what_helps": record.what_helps, "likes": record.likes, "dislikes": record.dislikes})
        self.people.show_values({
            "gp": _contact(record.gp_practice, record.gp_phone),
            "health_visitor": _contact(record.health_visitor_name, record.health_visitor_phone),
            "key_worker": _contact(record.key_worker_name, record.key_worker_organisation,
                                   record.key_worker_phone),
            "nursery_school": _contact(record.nursery_school_name, record.nursery_school_phone)})

    def _show_nhs(self, shown: bool) -> None:
        number = self.record.nhs_number if self.record else ""
        text = nhs_number.format_number(number) if shown else nhs_number.mask(number)
        self.nhs_value.setText(text)
        self.nhs_value.setAccessibleName(
            _("NHS number: {number}").format(number=text) if shown
            else _("NHS number, hidden. Ends in {last}").format(last=number[-4:]))
        self.nhs_toggle.setText(_("Hide") if shown else _("Show"))
        self.nhs_toggle.setIcon(qta.icon("mdi6.eye-off-outline" if shown else "mdi6.eye-outline"))
        self.nhs_toggle.setAccessibleName(_("Hide the NHS number") if shown
                                          else _("Show the NHS number"))

    # -- editing ------------------------------------------------------------------------------
    def _child_id(self) -> str | None:
        child = self.context.current_child()
        return child.id if child else None

    def _saved(self, _result: object) -> None:
        self.context.children_changed.emit()  # names and date of birth may have changed

    def edit(self) -> AboutMeDialog | None:
        child_id = self._child_id()
        if child_id is None:
            return None
        dialog = AboutMeDialog(self.context.session, child_id, self)
        open_dialog(dialog, self._saved)
        return dialog

    def add_alert(self) -> AlertDialog | None:
        child_id = self._child_id()
        if child_id is None:
            return None
        dialog = AlertDialog(self.context.session, child_id, parent=self)
        open_dialog(dialog, lambda _entry: self.refresh())
        return dialog

    def edit_alert(self, entry: Entry) -> AlertDialog | None:
        child_id = self._child_id()
        if child_id is None:
            return None
        dialog = AlertDialog(self.context.session, child_id, entry, self)
        open_dialog(dialog, lambda _entry: self.refresh())
        return dialog
