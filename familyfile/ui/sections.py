"""The sections of the main window. Adding a page is one line in ``sections()``.

Each section has a stable key, a title (translated when the window is built), one icon
used everywhere for that section, and a factory that builds its page from a PageContext.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from familyfile.i18n import _
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.about_me import AboutMePage
from familyfile.ui.pages.appointments import AppointmentsPage
from familyfile.ui.pages.birth import BirthPage
from familyfile.ui.pages.children import ChildrenPage
from familyfile.ui.pages.consent import ConsentPage
from familyfile.ui.pages.entry_marks import EntryMarksPage
from familyfile.ui.pages.family import FamilyPage
from familyfile.ui.pages.growth import GrowthPage
from familyfile.ui.pages.immunisations import ImmunisationsPage
from familyfile.ui.pages.involvement import InvolvementPage
from familyfile.ui.pages.journal import JournalPage
from familyfile.ui.pages.milestones import MilestonesPage
from familyfile.ui.pages.overview import OverviewPage
from familyfile.ui.pages.reviews import ReviewsPage
from familyfile.ui.pages.sharing_log import SharingLogPage


@dataclass(frozen=True)
class Section:
    key: str
    title: Callable[[], str]
    icon: str  # a qtawesome name, e.g. "mdi6.home-heart"
    factory: Callable[[PageContext], QWidget]


def sections() -> list[Section]:
    return [
        Section("overview", lambda: _("Overview"), "mdi6.home-heart", OverviewPage),
        Section("about_me", lambda: _("About me"), "mdi6.card-account-details-outline", AboutMePage),
        Section("birth", lambda: _("Birth and newborn"), "mdi6.baby-carriage", BirthPage),
        Section("journal", lambda: _("Journal"), "mdi6.notebook-heart-outline", JournalPage),
        Section("milestones", lambda: _("Milestones"), "mdi6.flag-checkered", MilestonesPage),
        Section("growth", lambda: _("Growth"), "mdi6.chart-bell-curve-cumulative", GrowthPage),
        Section("immunisations", lambda: _("Immunisations"), "mdi6.needle", ImmunisationsPage),
        Section("reviews", lambda: _("Reviews and checks"), "mdi6.clipboard-check-outline", ReviewsPage),
        Section("involvement", lambda: _("Involvement history"), "mdi6.hand-heart", InvolvementPage),
        Section("appointments", lambda: _("Appointments"), "mdi6.calendar-clock", AppointmentsPage),
        Section("consent", lambda: _("Who can see this?"), "mdi6.shield-account", ConsentPage),
        Section("entry_marks", lambda: _("Private and sensitive"), "mdi6.eye-off-outline",
                EntryMarksPage),
        Section("sharing_log", lambda: _("Who has seen what"), "mdi6.history", SharingLogPage),
        Section("family", lambda: _("Family"), "mdi6.account-group", FamilyPage),
        Section("children", lambda: _("Children"), "mdi6.account-multiple", ChildrenPage),
    ]
