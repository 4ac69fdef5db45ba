"""Add or change a team: a name, and which of the child's services are in it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from familyfile.domain.consent import Team
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import consent
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs.entry_form import FormDialog
from familyfile.ui.widgets.form import hint

MEMBER = "member:"


class TeamDialog(FormDialog):
    """``services``: (agency id, words) for each service of the child. Members of the team
    who are not listed (another child's services) are kept as they are."""

    def __init__(self, session: FamilySession, services: list[tuple[str, str]],
                 team: Team | None = None, parent: QWidget | None = None) -> None:
        heading = _("Change the team") if team else _("Add a team")
        super().__init__(heading, _(
            "A team is a group of services that work together for your child, like the "
            "children's centre team you signed up with. What you say yes to for the team, "
            "every service in it can have without you choosing it each time."),
            _("Save the team"), parent)
        self.session, self.team = session, team
        self.listed = [agency_id for agency_id, _words in services]
        self.add_field("team_name", _("Name of the team"), QLineEdit(),
                       _("For example: Sunny Hill children's centre team"))
        self.add_heading(_("Who is in the team"))
        self.body.addWidget(hint(_("Tick each service that is part of this team.") if services
                                 else _("Add the services that help your child on the Involvement "
                                        "history page first.")))
        for agency_id, words in services:
            self.add_field(MEMBER + agency_id, words, QCheckBox())
        if team is not None:
            self.set_value("team_name", team.name)
            for member in team.members:
                if MEMBER + member in self.inputs:
                    self.set_value(MEMBER + member, True)

    def members(self, values: dict[str, Any]) -> list[str]:
        ticked = [key.removeprefix(MEMBER) for key, on in values.items()
                  if key.startswith(MEMBER) and on]
        kept = [m for m in (self.team.members if self.team else ()) if m not in self.listed]
        return kept + ticked

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        if not " ".join(str(values["team_name"]).split()):
            return [ValidationError("team_name", "required")]
        return []

    def save(self, values: dict[str, Any]) -> Team:
        if self.team is None:
            return consent.add_team(self.session, values["team_name"], self.members(values))
        return consent.change_team(self.session, self.team, name=values["team_name"],
                                   members=self.members(values))
