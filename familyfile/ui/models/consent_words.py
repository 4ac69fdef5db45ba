"""What one cell of the consent matrix says, in words (and an icon, and a calm colour).

Colour is never the only signal: every state has its own words and its own icon.
"""

from __future__ import annotations

from dataclasses import dataclass

from familyfile.domain import categories as cats
from familyfile.domain import consent as rules
from familyfile.domain.consent import Purpose
from familyfile.i18n import _
from familyfile.services.consent import MatrixCell, MatrixRow
from familyfile.ui.models.involvement_model import day_text

GREEN, RED, BLUE, GREY, AMBER = "#00703c", "#942514", "#1d70b8", "#505a5f", "#8a5a00"
REVIEW_BACKGROUND = "#fff2b3"  # with dark text: well above WCAG AA


@dataclass(frozen=True)
class CellWords:
    text: str  # what the cell shows (one to three short lines)
    icon: str  # a qtawesome name
    colour: str  # the icon's colour
    tooltip: str  # the longer explanation
    review_due: bool = False


def purposes_text(purposes: tuple[Purpose, ...]) -> str:
    return ", ".join(p.label() for p in purposes)


def _yes(cell: MatrixCell, row: MatrixRow) -> CellWords:
    category = cats.category(cell.category)
    team = ", ".join(row.teams)
    until = day_text(cell.until) if cell.until and not cell.from_team else ""
    why = _("For: {purposes}.").format(purposes=purposes_text(cell.purposes)) if cell.purposes else ""
    if category.sensitive:
        return CellWords(_("Ask each time"), "mdi6.account-question", BLUE, " ".join([_(
            "You said yes, but this is private family information. It is only sent when you "
            "choose it yourself, each time you share."), why]).strip())
    if row.recipient.kind != rules.TEAM and not row.teams:
        text = _("Yes, ask each time")
        return CellWords(text + (("\n" + _("until {day}").format(day=until)) if until else ""),
                         "mdi6.account-question", BLUE, " ".join([_(
                             "You said yes. They are not in one of your teams, so you choose "
                             "it each time you share."), why]).strip())
    if cell.from_team:
        return CellWords(_("Yes (team)"), "mdi6.check-circle", GREEN, _(
            "Yes, because they are in {team} and you said yes for the team.").format(team=team))
    text = _("Yes until {day}").format(day=until) if until else _("Yes")
    tip = _("Yes: they can get this when you share.")
    return CellWords(text, "mdi6.check-circle", GREEN, " ".join([tip, why]).strip())


def cell_words(cell: MatrixCell, row: MatrixRow) -> CellWords:
    """The words for one cell. ``cell.effective`` is what applies today (teams included)."""
    sensitive = cats.category(cell.category).sensitive
    state = cell.effective
    if state == rules.PERMIT:
        found = _yes(cell, row)
    elif state == rules.DENY:
        found = CellWords(_("No (team)") if cell.from_team else _("No"), "mdi6.close-circle", RED,
                          _("No: this is never sent to them, even if you choose it when "
                            "sharing."))
    elif state == rules.WITHDRAWN:
        found = CellWords(_("No, taken back"), "mdi6.undo-variant", RED, _(
            "You took back your choice. Nothing of this kind is sent to them now."))
    elif state == rules.EXPIRED:
        day = day_text(cell.until) if cell.until else ""
        found = CellWords(_("No, ended {day}").format(day=day), "mdi6.timer-off-outline", RED, _(
            "Your yes ended. Nothing of this kind is sent to them now. Give it again if you "
            "want to."))
    elif state == rules.NOT_STARTED:
        day = day_text(cell.start_on) if cell.start_on else ""
        found = CellWords(_("Starts {day}").format(day=day), "mdi6.clock-outline", GREY, _(
            "Your choice starts on {day}. Until then, it is as if you have not been asked."
        ).format(day=day))
    elif sensitive:
        found = CellWords(_("Ask each time"), "mdi6.account-question", BLUE, _(
            "This is private family information. It is only sent when you choose it "
            "yourself, each time you share."))
    else:
        found = CellWords(_("Not asked yet"), "mdi6.help-circle-outline", GREY, _(
            "Nobody has asked yet. Nothing of this kind is sent unless you choose it when "
            "you share."))
    if cell.review_due:
        day = day_text(cell.review_on) if cell.review_on else ""
        return CellWords(found.text + "\n" + _("Review due"), found.icon, found.colour,
                         found.tooltip + " " + _("You planned to look at this again on {day}. "
                                                 "Click to check it is still right.").format(day=day),
                         review_due=True)
    return found


def never_words() -> CellWords:
    return CellWords(_("Never"), "mdi6.lock", GREY, _(
        "Things you mark as private never leave your computer. Nobody can say yes to them."))


def action_words(event: rules.ConsentEvent) -> str:
    """"Said yes", "Changed to no", "Took it back", "Ended", "Looked at again"."""
    decision = {rules.PERMIT: _("yes"), rules.DENY: _("no")}.get(event.decision or "", "")
    if event.action == rules.GIVEN:
        return _("Said {decision}").format(decision=decision)
    if event.action == rules.CHANGED:
        return _("Changed to {decision}").format(decision=decision)
    if event.action == rules.WITHDRAWN:
        return _("Took it back")
    if event.action == rules.EXPIRED:
        return _("Ended")
    if event.action == rules.REVIEWED:
        return _("Looked at again: still {decision}").format(decision=decision)
    return event.action


def how_words(how: str) -> str:
    return {"written": _("Written (on paper)"), "verbal": _("Said out loud"),
            "app": _("In the app")}.get(how, how)
