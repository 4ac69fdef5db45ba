"""A sample family file (the Okafor family) to look around the app with.

Everything is written through the same services as the app, dated relative to the
clock's today, so the sample always looks current: Ayo, a baby born at 33+2 weeks about
five months ago, and Tobi, a three-year-old with two years of journal, his 2-year review
and the services helping him now. The names, places and phone numbers are made up
(01632 960xxx and 07700 900xxx are Ofcom's numbers for drama); no NHS numbers are
invented (Family File never makes them up). The photos are simple drawings made here.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from familyfile import errors
from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.domain import birth as birth_rules
from familyfile.domain import immunisations as dose_rules
from familyfile.domain import reviews as review_rules
from familyfile.domain.age import Gestation
from familyfile.domain.appointments import AppointmentDraft
from familyfile.domain.child import ChildDraft
from familyfile.domain.entry import Author
from familyfile.domain.growth import ChildBasis
from familyfile.domain.involvement import InvolvementDraft
from familyfile.services import (
    about_me,
    appointments,
    birth,
    demo_records,
    family,
    immunisations,
    journal,
    reviews,
)
from familyfile.services import involvement as involvements
from familyfile.services import session as sessions
from familyfile.services.demo_journal import AYO_JOURNAL, TOBI_JOURNAL
from familyfile.services.session import FamilySession
from familyfile.store import backup
from familyfile.store import key_header as kh
from familyfile.store.vault_files import lock_path, remove_db_files

FAMILY_NAME = "Okafor"
TOWN = "Sampleford"
KEY_WORKER = Author("key_worker", "Joy Mensah")
BABY_GESTATION = Gestation(33, 2)
TOBI_GESTATION = Gestation(39, 4)

#: The kinds of entry ``count_sections`` counts, in the order a summary lists them.
SECTIONS: tuple[str, ...] = (
    "about_me", "alert", "address", "birth", "journal", "milestone", "growth", "immunisation",
    "hcp_contact", "integrated_review", "screening_check", "involvement", "appointment",
)


@dataclass(frozen=True)
class ChildSummary:
    child_id: str
    name: str
    date_of_birth: date
    counts: dict[str, int]
    photos: int


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    recovery_key: str
    made_on: date  # the day everything is dated from
    carers: list[str]
    children: list[ChildSummary] = field(default_factory=list)


# -- the family -------------------------------------------------------------------------------------
SURGERY = f"{TOWN} Green Surgery"
SURGERY_PHONE = "01632 960100"
HV_TEAM = f"{TOWN} Health Visiting Team"
HV_NAME = "Helen Carter"
HV_PHONE = "01632 960200"
NURSERY = "Little Acorns Nursery"
NURSERY_PHONE = "01632 960300"
HOSPITAL = f"{TOWN} General Hospital"
HOME = ("12 Willow Close",)
POSTCODE = "XX1 2AB"


def _add_carers(session: FamilySession) -> list[str]:
    people = [
        {"name": "Grace Okafor", "relationship": "Mother", "phone": "07700 900123",
         "parental_responsibility": "yes", "co_holds_file": True},
        {"name": "Daniel Okafor", "relationship": "Father", "phone": "07700 900456",
         "parental_responsibility": "yes", "co_holds_file": True},
        {"name": "Folake Adeyemi", "relationship": "Grandmother (Grace's mum)",
         "phone": "07700 900789", "parental_responsibility": "no", "co_holds_file": False},
    ]
    for person in people:
        family.add_carer(session, person)
    return [str(p["name"]) for p in people]


# -- Tobi: three years old ------------------------------------------------------------------------
# Written by the family hub key worker beside Grace (the app shows who wrote it).
TOBI_KEY_WORKER_DAYS = {452, 615}

TOBI_SOMETIMES = ("m36-questions", "m36-conversation")
TOBI_NOT_YET = ("m36-understood",)
TOBI_OLDER_YES = ("m48-helper", "m48-comforts", "m48-role-play")


def _tobi(session: FamilySession) -> str:
    today = session.today()
    born = demo_records.months_before(today, 38)
    child = session.add_child(ChildDraft("Oluwatobi", FAMILY_NAME, demo_records.iso(born)))
    cid = child.id
    about_me.save_about_me(session, cid, {
        "given_name": "Oluwatobi", "family_name": FAMILY_NAME, "date_of_birth": demo_records.iso(born),
        "known_as": "Tobi", "sex": "male", "languages": ["English", "Yoruba"],
        "likes": "Buses, diggers and anything with wheels. Splashing in puddles. Singing "
                 "\u201cWheels on the Bus\u201d and Yoruba songs with Grandma. Jollof rice and "
                 "fried plantain.",
        "dislikes": "Loud hand dryers. Having his hair washed. Being rushed when he is trying "
                    "to tell you something.",
        "communication": "Tobi understands a lot in English and Yoruba. He talks in short "
                         "sentences of two or three words and mixes the two languages "
                         "(\u201cmore omi\u201d = more water). People who do not know him may "
                         "find him hard to understand, so he points and shows you too. Give "
                         "him time to finish.",
        "what_helps": "Get down to his level and say his name first. Use short sentences and "
                      "show him what you mean. A \u201cfirst \u2026 then \u2026\u201d picture "
                      "helps with changes (first coat, then park). Warn him before it is time "
                      "to stop playing.",
        "gp_practice": SURGERY, "gp_phone": SURGERY_PHONE,
        "health_visitor_name": HV_NAME, "health_visitor_phone": HV_PHONE,
        "key_worker_name": KEY_WORKER.name, "key_worker_organisation": f"{TOWN} Family Hub",
        "key_worker_phone": "01632 960400",
        "nursery_school_name": NURSERY, "nursery_school_phone": NURSERY_PHONE,
    }, seen=None)
    reaction = born + timedelta(days=396)
    about_me.add_alert(session, cid, {
        "type": "allergy", "what": "Peanuts",
        "details": "Lips swelled and hives after a bite of peanut butter toast at 13 months. "
                   "No peanuts or foods that \u201cmay contain\u201d peanuts. Adrenaline pen "
                   "at home and at nursery.", "since": demo_records.iso(reaction)})
    about_me.add_alert(session, cid, {
        "type": "medicine", "what": "Adrenaline auto-injector (EpiPen Junior)",
        "details": "For a serious allergic reaction: use the pen, call 999, say "
                   "\u201canaphylaxis\u201d.", "since": demo_records.iso(reaction + timedelta(days=20))})
    moved = demo_records.months_before(today, 20)
    about_me.add_address(session, cid, {"lines": ["Flat 3", "40 Station Road"], "town": TOWN,
                                        "postcode": "XX1 5QT", "from_date": demo_records.iso(born),
                                        "to_date": demo_records.iso(moved)})
    about_me.add_address(session, cid, {"lines": list(HOME), "town": TOWN, "postcode": POSTCODE,
                                        "from_date": demo_records.iso(moved)})

    birth.save(session, cid, birth_rules.Birth(
        gestation_weeks=TOBI_GESTATION.weeks, gestation_days=TOBI_GESTATION.days,
        birth_weight_kg=3.45, birth_head_cm=35.0, place="hospital", place_name=HOSPITAL,
        birth_type="vaginal",
        nipe_72h={c: "no_concerns" for c in birth_rules.NIPE_CHECKS},
        nipe_6_8_weeks={c: "no_concerns" for c in birth_rules.NIPE_CHECKS},
        hearing_left="clear_response", hearing_right="clear_response",
        blood_spot={c: "not_suspected" for c in birth_rules.BLOOD_SPOT_CONDITIONS},
        notes="A straightforward birth. Home the next day."))

    basis = ChildBasis(born, "male", TOBI_GESTATION)
    demo_records.add_growth(session, cid, basis, [
        (0, 0, 0.3, 0.2, "Midwife", "Weighed at birth."),
        (5, -0.35, None, None, "Midwife", "Day 5 weigh: a little below birth weight, as "
         "expected."),
        (13, -0.05, None, 0.15, HV_NAME, "New baby review."),
        (48, 0.2, 0.35, 0.2, "GP", "6 to 8 week check."),
        (120, 0.25, 0.4, 0.2, "Baby clinic", ""),
        (250, 0.3, 0.45, 0.25, "Baby clinic", ""),
        (372, 0.3, 0.5, 0.25, HV_NAME, "1 year review."),
        (550, 0.25, 0.5, None, "Baby clinic", ""),
        (800, 0.2, 0.55, None, HV_NAME, "2 year review (standing height)."),
        (1120, 0.25, 0.55, None, "Nursery nurse", "Weighed and measured at nursery."),
    ], (3.45, 51.0, 35.0))

    demo_records.give_due_doses(session, cid, "Practice nurse Ruth Bell", SURGERY)
    immunisations.add(session, cid, dose_rules.DoseDraft(
        date=demo_records.iso(demo_records.months_before(today, 1) - timedelta(days=9)), vaccine="flu",
        product="Fluenz", batch="SMPLFLU26", site="nose", route="intranasal",
        given_by="Practice nurse Ruth Bell", place=SURGERY))

    contacts = [("new_baby", 12, "Home visit"), ("six_to_eight_weeks", 47, "Baby clinic"),
                ("one_year", 372, "Home visit"), ("two_year", 800, "Home visit")]
    for key, days, where in contacts:
        reviews.record_contact(session, cid, review_rules.Contact(
            key, "done", demo_records.iso(born + timedelta(days=days)), HV_NAME, "Health visitor", where,
            "" if key != "two_year" else "Talking is a bit behind; referred to speech and "
            "language therapy. Everything else is where it should be."))
    three_year_visit = today + timedelta(days=16)
    reviews.record_contact(session, cid, review_rules.Contact(
        "three_year", "booked", demo_records.iso(three_year_visit), HV_NAME, "Health visitor",
        "Sampleford Family Hub", "Booked: 3 year contact (this area offers one)."))
    review_day = born + timedelta(days=800)
    reviews.record_integrated(session, cid, review_rules.IntegratedReview(
        on=demo_records.iso(review_day), reviewer=HV_NAME, role="Health visitor",
        where="Home visit, with his nursery key person's progress check",
        asq_scores={"communication": 30, "gross_motor": 55, "fine_motor": 50,
                    "problem_solving": 45, "personal_social": 50},
        asq_outcomes={"communication": "monitoring", "gross_motor": "above_cutoff",
                      "fine_motor": "above_cutoff", "problem_solving": "above_cutoff",
                      "personal_social": "above_cutoff"},
        eyfs_summary={
            "communication_language": "Understands simple instructions in English and Yoruba. "
                                      "Uses about 30 single words and is starting to join two.",
            "physical": "Runs, climbs and kicks a ball. Feeds himself with a spoon.",
            "personal_social_emotional": "Settled well at nursery. Plays next to other "
                                         "children and likes to help tidy up."},
        outcome_notes="Talking is in the monitoring zone. Referred to speech and language "
                      "therapy and for a hearing test, with the family's agreement. Two "
                      "languages at home is a strength: keep using both."))
    reviews.record_check(session, cid, review_rules.ScreeningCheck(
        "hearing", demo_records.iso(review_day + timedelta(days=40)), "no_concerns",
        "Children's audiology", f"{HOSPITAL} audiology clinic",
        "Hearing test before speech therapy started. Both ears hear well."))

    demo_records.add_journal(session, cid, born, TOBI_JOURNAL, TOBI_KEY_WORKER_DAYS, KEY_WORKER)
    demo_records.answer_milestones(session, cid, born, TOBI_GESTATION, up_to_months=36,
                       sometimes=TOBI_SOMETIMES, not_yet=TOBI_NOT_YET, also_yes=TOBI_OLDER_YES,
                       late_areas=("communication_language",))
    _tobi_services(session, cid, born, review_day)
    return cid


def _tobi_services(session: FamilySession, cid: str, born: date, review_day: date) -> None:
    today = session.today()
    hv_end = review_day + timedelta(days=120)
    health_visiting = involvements.add(session, cid, InvolvementDraft(
        "health_visiting", f"{TOWN} Community Health", demo_records.iso(born), team=HV_TEAM,
        professional=HV_NAME, role="Health visitor", contact=HV_PHONE, end_date=demo_records.iso(hv_end),
        reason="Healthy Child Programme visits from birth.",
        outcome="Reviews done up to 2 years. Handed over to nursery and speech and language "
                "therapy; the team is still there if we need them (call the duty line)."))
    slt_start = review_day + timedelta(days=55)
    slt = involvements.add(session, cid, InvolvementDraft(
        "speech_language", f"{TOWN} Children's Therapy Service", demo_records.iso(slt_start),
        team="Early Years Speech and Language Therapy", professional="Amira Hassan",
        role="Speech and language therapist", contact="01632 960500",
        reason="Referred after the 2-year review: talking in the monitoring zone.",
        lead=True, team_around_child=True))
    nursery_start = born + timedelta(days=745)
    nursery = involvements.add(session, cid, InvolvementDraft(
        "nursery_childminder", NURSERY, demo_records.iso(nursery_start), professional="Priya Shah",
        role="Key person", contact=NURSERY_PHONE,
        reason="Funded childcare, three days a week.", team_around_child=True))

    visits = [
        (review_day, 10, health_visiting.id, "2 to 2\u00bd year review", "attended",
         "ASQ-3 done together with the nursery progress check. Referred to speech and "
         "language therapy.", "Grace"),
        (slt_start + timedelta(days=7), 14, slt.id, "First speech and language assessment",
         "attended", "Tobi played with the farm set and said lots of words. Plan: six "
         "sessions and ideas to try at home.", "Grace and Daniel"),
        (slt_start + timedelta(days=42), 9, slt.id, "Therapy session", "missed", "", "Grace"),
        (slt_start + timedelta(days=56), 9, slt.id, "Therapy session", "attended",
         "Practised choosing and waiting games. Doing well with two-word phrases.", "Grace"),
        (today - timedelta(days=35), 15, nursery.id, "Progress meeting with his key person",
         "attended", "Settled and happy. Agreed a picture timetable for changes in the day.",
         "Daniel"),
        (today + timedelta(days=9), 10, slt.id, "Therapy review", "upcoming", "", "Grace"),
        (today + timedelta(days=23), 16, nursery.id, "Team around Tobi meeting (nursery, "
         "speech therapy and us)", "upcoming", "", "Grace and Daniel"),
    ]
    for day, hour, linked, reason, status, outcome, with_whom in visits:
        draft = AppointmentDraft(demo_records.at(day, hour, 30 if hour % 2 else 0),
                                 _place_for(session, linked), with_involvement=linked,
                                 accompanied_by=with_whom, reason=reason, outcome=outcome,
                                 status=status,
                                 status_reason="unwell" if status == "missed" else "",
                                 status_note="Tobi had chickenpox." if status == "missed" else "")
        appointments.add(session, cid, draft)


def _place_for(session: FamilySession, involvement_id: str) -> str:
    found = involvements.get(session, involvement_id).involvement
    places = {"health_visiting": "At home", "speech_language": f"{TOWN} Child Development Centre",
              "nursery_childminder": NURSERY, "paediatrics": f"{HOSPITAL}, children's outpatients"}
    return places.get(found.agency, found.organisation)


# -- Ayo: born at 33+2 weeks, about five months old ------------------------------------------------


def _ayo(session: FamilySession) -> str:
    today = session.today()
    born = demo_records.months_before(today, 5) - timedelta(days=4)  # five months old
    child = session.add_child(ChildDraft("Ayomide", FAMILY_NAME, demo_records.iso(born)))
    cid = child.id
    about_me.save_about_me(session, cid, {
        "given_name": "Ayomide", "family_name": FAMILY_NAME, "date_of_birth": demo_records.iso(born),
        "known_as": "Ayo", "sex": "female", "languages": ["English", "Yoruba"],
        "likes": "Skin-to-skin cuddles. Her big brother Tobi singing to her. The black-and-white "
                 "pictures on her cot.",
        "dislikes": "Being undressed to be weighed. Waiting for a feed: she lets you know!",
        "communication": "Cries, coos and little \u201cooh\u201d sounds. Goes still and looks at "
                         "your face when you talk to her.",
        "what_helps": "Small, frequent feeds (she was born early and gets tired). Keep her "
                      "warm and close. A quiet room when she has had enough.",
        "gp_practice": SURGERY, "gp_phone": SURGERY_PHONE,
        "health_visitor_name": HV_NAME, "health_visitor_phone": HV_PHONE,
    }, seen=None)
    about_me.add_address(session, cid, {"lines": list(HOME), "town": TOWN, "postcode": POSTCODE,
                                        "from_date": demo_records.iso(born)})
    birth.save(session, cid, birth_rules.Birth(
        gestation_weeks=BABY_GESTATION.weeks, gestation_days=BABY_GESTATION.days,
        birth_weight_kg=1.95, birth_head_cm=30.5, place="hospital", place_name=HOSPITAL,
        birth_type="emergency_caesarean",
        nipe_72h={"eyes": "no_concerns", "heart": "no_concerns", "hips": "no_concerns"},
        nipe_6_8_weeks={"eyes": "no_concerns", "heart": "no_concerns", "hips": "no_concerns"},
        hearing_left="clear_response", hearing_right="clear_response",
        blood_spot={c: "not_suspected" for c in birth_rules.BLOOD_SPOT_CONDITIONS},
        notes="Born early at 33+2 weeks after Mummy's waters broke. Three weeks on the "
              "neonatal unit, mostly learning to feed. Blood spot repeated at 28 days, as "
              "for all babies born early: all clear."))

    basis = ChildBasis(born, "female", BABY_GESTATION)
    demo_records.add_growth(session, cid, basis, [
        (0, 0, 0, 0, "Neonatal unit", "Birth weight."),
        (5, -0.75, None, None, "Neonatal unit", "Lost a little weight, as expected."),
        (12, -0.85, -0.5, -0.35, "Neonatal unit", ""),
        (21, -0.9, None, None, "Neonatal unit", "Weighed on the day she came home."),
        (33, -0.85, -0.55, -0.4, HV_NAME, "New baby review at home."),
        (48, -0.8, -0.5, -0.35, "GP", "6 to 8 week check."),
        (70, -0.75, None, None, "Baby clinic", ""),
        (98, -0.7, -0.45, -0.3, "Baby clinic", ""),
        (126, -0.68, None, -0.3, "Baby clinic", ""),
        (147, -0.65, -0.4, -0.28, "Baby clinic", "Growing nicely along her line."),
    ], (1.95, 43.0, 30.5))

    demo_records.give_due_doses(session, cid, "Practice nurse Ruth Bell", SURGERY, days_late=3)
    contacts = [("new_baby", 33, "Home visit",
                 "Done when Ayo came home from the neonatal unit."),
                ("six_to_eight_weeks", 48, "Baby clinic", "Feeding well. Mum's mood talked about."),
                ("three_to_four_months", 105, "Home visit", "")]
    for key, days, where, notes in contacts:
        reviews.record_contact(session, cid, review_rules.Contact(
            key, "done", demo_records.iso(born + timedelta(days=days)), HV_NAME, "Health visitor", where,
            notes))

    demo_records.add_journal(session, cid, born, AYO_JOURNAL)
    demo_records.answer_milestones(session, cid, born, BABY_GESTATION, up_to_months=2,
                       sometimes=("m4-oooh", "m4-holds-toy"))

    hv = involvements.add(session, cid, InvolvementDraft(
        "health_visiting", f"{TOWN} Community Health", demo_records.iso(born + timedelta(days=22)),
        team=HV_TEAM, professional=HV_NAME, role="Health visitor", contact=HV_PHONE,
        reason="Healthy Child Programme visits; extra visits because she was born early.",
        team_around_child=True))
    neonatal = involvements.add(session, cid, InvolvementDraft(
        "paediatrics", HOSPITAL, demo_records.iso(born), team="Neonatal follow-up clinic",
        professional="Dr Samuel Osei", role="Consultant paediatrician (neonates)",
        contact="01632 960600", reason="Follow-up for babies born before 34 weeks.",
        lead=True, team_around_child=True))
    visits = [
        (born + timedelta(days=48), 11, hv.id, "6 to 8 week review", "attended",
         "Feeding and growing well.", "Grace"),
        (born + timedelta(days=90), 14, neonatal.id, "Neonatal follow-up", "attended",
         "Growing along her line. Development on track for her corrected age.",
         "Grace and Daniel"),
        (today + timedelta(days=12), 9, neonatal.id, "Neonatal follow-up (6 months corrected "
         "is next)", "upcoming", "", "Grace"),
        (today + timedelta(days=30), 13, hv.id, "Health visitor weigh and chat", "upcoming", "",
         "Grace"),
    ]
    for day, hour, linked, reason, status, outcome, with_whom in visits:
        appointments.add(session, cid, AppointmentDraft(
            demo_records.at(day, hour, 15 if hour % 2 else 45), _place_for(session, linked),
            with_involvement=linked, accompanied_by=with_whom, reason=reason, outcome=outcome,
            status=status))
    return cid


# -- making the file --------------------------------------------------------------------------------
def count_sections(session: FamilySession, child_id: str) -> dict[str, int]:
    return {kind: session.records.count(child_id, kind) for kind in SECTIONS}


def _photo_count(session: FamilySession, child_id: str) -> int:
    ids = [e.id for e in session.records.list_for(child_id, journal.KIND)]
    return sum(journal.photo_counts(session, ids).values())


def fill(session: FamilySession) -> tuple[list[str], list[str]]:
    """Write the Okafor family into an open, empty family file; returns the carers' names
    and the children's ids (eldest first)."""
    carers = _add_carers(session)
    tobi = _tobi(session)
    ayo = _ayo(session)
    return carers, [tobi, ayo]


def create_demo(path: Path, passphrase: str, *, kdf: kh.KdfParams = kh.PRODUCTION_KDF,
                clock: Clock = SYSTEM_CLOCK) -> DemoSummary:
    """A new family file at ``path`` holding the sample family. Refuses an existing path
    (FamilyFileExistsError); a half-made file is removed if anything goes wrong."""
    path = Path(path)
    if already_there(path):
        raise errors.FamilyFileExistsError("exists")
    secret = sessions.new_recovery_secret()
    session = sessions.create(path, passphrase, kdf=kdf, recovery_secret=secret, clock=clock)
    try:
        carers, child_ids = fill(session)
        summaries = []
        for child_id in child_ids:
            child = session.child(child_id)
            summaries.append(ChildSummary(child_id, child.display_name, child.date_of_birth,
                                          count_sections(session, child_id),
                                          _photo_count(session, child_id)))
    except BaseException:
        session.close()
        discard(path)
        raise
    made_on = session.today()
    session.close()
    return DemoSummary(path, sessions.format_recovery_key(secret), made_on, carers, summaries)


def already_there(path: Path) -> bool:
    """Something (a file, or a family file's key header) is already at ``path``."""
    path = Path(path)
    return path.exists() or kh.header_path(path).exists()


def is_family_file(path: Path) -> bool:
    """Whether ``path`` is a family file (its database and a readable key header)."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        kh.read_header(path)
    except errors.FamilyFileError:
        return False
    return True


def discard(path: Path) -> None:
    """Remove a sample file this module was making (and everything beside it)."""
    remove_db_files(path)
    for extra in (kh.header_path(path), kh.mirror_path(path), lock_path(path)):
        extra.unlink(missing_ok=True)
    shutil.rmtree(backup.backups_dir(path), ignore_errors=True)
