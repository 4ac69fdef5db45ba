"""The teams part of the consent page: the team the family signed up with (for example a
children's centre team) and the services in it; add a team or change one."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from familyfile.domain.consent import Team
from familyfile.domain.involvement import agency_name
from familyfile.errors import NotFoundError
from familyfile.i18n import _
from familyfile.services import consent
from familyfile.services.involvement import AgencyRef
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs.entry_form import open_dialog
from familyfile.ui.dialogs.team_dialog import TeamDialog
from familyfile.ui.pages.involvement_common import button_row
from familyfile.ui.widgets.form import hint, para, primary_button, scaled_font, secondary_button


def service_words(ref: AgencyRef) -> str:
    """"Health visitor: Sunny Hill Community Health, Health visiting team"."""
    place = ", ".join(p for p in (ref.organisation, ref.team) if p)
    return f"{agency_name(ref.agency)}: {place}"


class TeamsPanel(QWidget):
    changed = Signal(str)  # what was saved, in words

    def __init__(self, session: FamilySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.services: list[AgencyRef] = []
        self.dialog: TeamDialog | None = None
        self.change_buttons: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(_(
            "A team is a group of services that work together, like the children's centre "
            "team you signed up with. The team can have what you said yes to for the team, "
            "without you choosing it each time you share. Anyone else, and anything about "
            "your family's circumstances, you choose each time.")))
        self.holder = QWidget()
        self.list = QVBoxLayout(self.holder)
        self.list.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.holder)
        self.add_button = primary_button(_("Add a team"), qta.icon("mdi6.plus", color="white"))
        self.add_button.clicked.connect(lambda: self.open_team(None))
        layout.addWidget(self.add_button)

    def member_words(self, member: str) -> str:
        for ref in self.services:
            if ref.agency_id == member:
                return service_words(ref)
        if member.startswith("professional:"):
            return member.removeprefix("professional:")
        try:
            return consent.agency_anywhere(self.session, member).name
        except NotFoundError:
            return _("A service that is no longer in the record")

    def refresh(self, services: list[AgencyRef]) -> None:
        self.services = services
        while self.list.count():
            item = self.list.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.change_buttons = {}
        teams = consent.teams(self.session)
        if not teams:
            self.list.addWidget(para(_("No team yet. If you signed up with a children's centre "
                                       "or another team, add it here.")))
        for team in teams:
            self.list.addWidget(self._team_block(team))

    def _team_block(self, team: Team) -> QWidget:
        block = QWidget()
        body = QVBoxLayout(block)
        body.setContentsMargins(0, 4, 0, 8)
        name = QLabel(team.name)
        name.setWordWrap(True)
        name.setFont(scaled_font(name, 1.1, bold=True))
        body.addWidget(name)
        members = [self.member_words(m) for m in team.members]
        body.addWidget(para("\n".join("\u2022 " + m for m in members) if members
                            else _("Nobody is in this team yet.")))
        change = secondary_button(_("Change {team}").format(team=team.name), qta.icon("mdi6.pencil"))
        change.clicked.connect(lambda: self.open_team(team))
        self.change_buttons[team.id] = change
        button_row(body, change)
        return block

    def open_team(self, team: Team | None) -> TeamDialog:
        choices = [(ref.agency_id, service_words(ref)) for ref in self.services]
        self.dialog = open_dialog(TeamDialog(self.session, choices, team, self.window()),
                                  self._saved)
        return self.dialog

    def _saved(self, team: object) -> None:
        assert isinstance(team, Team)
        self.changed.emit(_("Saved. {team} is up to date.").format(team=team.name))
