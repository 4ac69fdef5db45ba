"""A made-up two-year-old with the services around her, a children's centre team and some
consent already given: for the consent, sharing-log and preview tests and their screenshots.

Amara is helped by a health visitor, her nursery, speech and language therapy and children's
social care (a family circumstance). The team the family signed up with is the Sunny Hill
children's centre team (health visitor, nursery, speech and language therapy).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from familyfile.clock import FixedClock
from familyfile.domain.appointments import AppointmentDraft
from familyfile.domain.child import ChildDraft
from familyfile.domain.consent import Purpose, Recipient
from familyfile.domain.growth import GrowthDraft
from familyfile.domain.immunisations import DoseDraft
from familyfile.domain.involvement import InvolvementDraft
from familyfile.domain.journal import ObservationDraft
from familyfile.services import (
    about_me,
    appointments,
    consent,
    entry_marks,
    growth,
    immunisations,
    involvement,
    journal,
)
from familyfile.services import session as sessions
from familyfile.store.key_header import KdfParams
from familyfile.ui.pages.consent import ConsentPage

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=UTC)
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "tulip-bicycle-harbour-42"
TEAM_NAME = "Sunny Hill children's centre team"


@dataclass(frozen=True)
class Family:
    child_id: str
    hv: Recipient  # health visitor
    nursery: Recipient
    slt: Recipient  # speech and language therapy
    social: Recipient  # children's social care
    team: Recipient
    private_id: str  # a journal entry marked private
    sensitive_id: str  # a journal entry marked sensitive
    social_id: str  # the social-care involvement (family circumstances)
    growth_id: str


def open_session(path: Path) -> sessions.FamilySession:
    return sessions.create(path, PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(NOW))


def _involvements(session: sessions.FamilySession, cid: str) -> tuple[str, ...]:
    hv = involvement.add(session, cid, InvolvementDraft(
        "health_visiting", "Sunny Hill Community Health", "2024-04-08", team="Health visiting",
        professional="Grace Mensah", role="Health visitor", team_around_child=True))
    nursery = involvement.add(session, cid, InvolvementDraft(
        "nursery_childminder", "Little Acorns Nursery", "2025-09-01", professional="Priya Shah",
        role="Key person", team_around_child=True))
    slt = involvement.add(session, cid, InvolvementDraft(
        "speech_language", "Riverside Clinic", "2025-11-03", team="Children's speech therapy",
        professional="Sam Patel", role="Speech and language therapist"))
    social = involvement.add(session, cid, InvolvementDraft(
        "social_care", "Northfield Council", "2025-06-02", team="Early help",
        professional="Jo Reed", role="Family support worker"))
    appointments.add(session, cid, AppointmentDraft(
        "2026-04-02 10:30", "Riverside Clinic", with_involvement=slt.id, reason="Therapy review"))
    return hv.id, nursery.id, slt.id, social.id


def consenting_child(session: sessions.FamilySession) -> Family:
    """The child, her record, her team and the choices the family made (clock: ``NOW``)."""
    cid = session.add_child(ChildDraft("Amara", "Okafor", "2024-03-27")).id
    about_me.update_about_me(session, cid, known_as="Ami", languages=["English", "Yoruba"])
    rows = [growth.add(session, cid, GrowthDraft(on, kg, cm, measured_by="Health visitor"))
            for on, kg, cm in (("2025-09-15", "11.4", "84"), ("2026-03-02", "12.3", "88.5"))]
    for planned in immunisations.planned(session, cid)[:3]:
        immunisations.add(session, cid, DoseDraft(planned.due.isoformat(), planned.vaccine,
                                                  str(planned.dose), given_by="Practice nurse"))
    journal.add(session, cid, ObservationDraft(
        "2026-02-14", "communication_language", "Said \u201cmore milk please\u201d at breakfast.",
        "First three-word sentence", True))
    private = journal.add(session, cid, ObservationDraft(
        "2026-03-01", "personal_social_emotional", "A hard week: lots of crying at drop-off."))
    sensitive = journal.add(session, cid, ObservationDraft(
        "2026-03-10", "physical", "Wet at night again since Daddy moved out."))
    entry_marks.set_mark(session, private.id, "private")
    entry_marks.set_mark(session, sensitive.id, "sensitive")
    hv_id, nursery_id, slt_id, social_id = _involvements(session, cid)
    refs = {r.involvement_ids[0]: r.agency_id for r in involvement.agencies(session, cid)}
    hv, nursery, slt, social = (consent.agency(session, cid, refs[i])
                                for i in (hv_id, nursery_id, slt_id, social_id))
    team = consent.add_team(session, TEAM_NAME, [hv.id, nursery.id, slt.id]).recipient()
    care, education = Purpose("care"), Purpose("education")
    for category in ("health", "immunisations", "development"):
        consent.set_consent(session, cid, team, category, "permit", purposes=(care, education),
                            how="written")
    consent.set_consent(session, cid, hv, "identity", "permit", start_on=date(2025, 9, 1),
                        review_on=date(2026, 3, 1), how="verbal")
    consent.set_consent(session, cid, nursery, "development", "permit", purposes=(education,),
                        until=date(2027, 3, 3))
    consent.set_consent(session, cid, social, "health", "deny")
    consent.set_consent(session, cid, social, "family_circumstances", "permit")
    return Family(cid, hv, nursery, slt, social, team, private.id, sensitive.id, social_id,
                  rows[-1].entry.id)


# -- driving the consent page like a person ------------------------------------------------------
def click_cell(qtbot, page: ConsentPage, recipient_id: str, category: str):
    index = page.index_of(recipient_id, category)
    qtbot.mouseClick(page.view.viewport(), Qt.LeftButton, pos=page.view.visualRect(index).center())
    return page.dialog


def tab_until(qtbot, target: QWidget, limit: int = 30) -> None:
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is target, f"{target.accessibleName()} not reachable by Tab"


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(6, box.height() // 2))


def history_rows(page: ConsentPage) -> list[str]:
    model = page.history_model
    return [" | ".join(model.text(r, c) for c in range(model.columnCount()))
            for r in range(model.rowCount())]

