"""About me, critical alerts, address history, carers, and archiving a child."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain import about_me as about_rules
from familyfile.domain import addresses as address_rules
from familyfile.domain import alerts as alert_rules
from familyfile.domain import carers as carer_rules
from familyfile.domain.child import ChildDraft
from familyfile.domain.entry import Author
from familyfile.messages import validation_message
from familyfile.services import about_me as about
from familyfile.services import child_facts, family
from familyfile.services.session import FamilySession
from tests.conftest import MARKER_FAMILY, MARKER_GIVEN

TODAY = date(2025, 6, 1)


@pytest.fixture
def baby(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2025, 6, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id  # born 2024-03-01


def full(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "given_name": MARKER_GIVEN, "family_name": MARKER_FAMILY, "date_of_birth": "2024-03-01",
        "known_as": "Zeph", "previous_names": ["Zephyrine Brook"], "sex": "female",
        "nhs_number": "943 476 5919", "upn": "a123456789012", "local_authority_id": "LA-77",
        "languages": "English, Polish", "likes": "Bubbles and trains", "dislikes": "Hand dryers",
        "communication": "Uses Makaton signs for more and finished",
        "what_helps": "A warning before changes", "gp_practice": "Riverside Surgery",
        "gp_phone": "01632 960123", "health_visitor_name": "Ana", "health_visitor_phone": "",
        "key_worker_name": "Sam Patel", "key_worker_organisation": "Northside Family Hub",
        "key_worker_phone": "+44 1632 960456", "nursery_school_name": "Little Acorns",
        "nursery_school_phone": "01632 960789"}
    data.update(changes)
    return data


# -- About me -------------------------------------------------------------------------------------
def test_before_the_first_save_about_me_comes_from_the_child_row(baby) -> None:
    session, child_id = baby
    record, entry = about.get_about_me(session, child_id)
    assert entry is None
    assert (record.given_name, record.family_name, record.date_of_birth) == (
        MARKER_GIVEN, MARKER_FAMILY, date(2024, 3, 1))
    assert record.sex == "" and record.nhs_number == ""


def test_about_me_round_trips_tidied(baby) -> None:
    session, child_id = baby
    about.save_about_me(session, child_id, full(), seen=None)
    record, entry = about.get_about_me(session, child_id)
    assert entry is not None and entry.kind == "about_me" and entry.version == 1
    assert record.nhs_number == "9434765919" and record.upn == "A123456789012"
    assert record.languages == ("English", "Polish")
    assert record.previous_names == ("Zephyrine Brook",)
    assert record.called == "Zeph"
    assert about_rules.AboutMe.from_data(record.to_data()) == record
    assert child_facts.sex(session, child_id) == "female"  # the contract other sections use


def test_edits_keep_history_and_update_the_child_row(baby) -> None:
    session, child_id = baby
    first = about.save_about_me(session, child_id, full(), seen=None)
    session.use_as(Author("key_worker", "Sam Patel"))
    second = about.save_about_me(session, child_id,
                                 full(family_name="Brook", date_of_birth="2024-02-28"), seen=first)
    assert second.version == 2 and second.author == Author("key_worker", "Sam Patel")
    history = session.records.history(first.id)
    assert [h.data["family_name"] for h in history] == [MARKER_FAMILY, "Brook"]
    child = session.child(child_id)
    assert (child.family_name, child.date_of_birth) == ("Brook", date(2024, 2, 28))


def test_a_stale_edit_is_refused_and_changes_nothing(baby) -> None:
    session, child_id = baby
    first = about.save_about_me(session, child_id, full(), seen=None)
    about.save_about_me(session, child_id, full(known_as="Zee"), seen=first)
    with pytest.raises(errors.EditConflictError):
        about.save_about_me(session, child_id, full(family_name="Other"), seen=first)
    with pytest.raises(errors.EditConflictError):
        about.save_about_me(session, child_id, full(family_name="Other"), seen=None)
    assert session.child(child_id).family_name == MARKER_FAMILY
    assert about.get_about_me(session, child_id)[0].known_as == "Zee"


def test_a_bad_entry_rolls_back_the_child_row_too(baby, monkeypatch) -> None:
    session, child_id = baby
    from familyfile.store import children

    def broken(*_args: object) -> None:
        raise errors.StorageError("disk")

    monkeypatch.setattr(children, "update", broken)
    with pytest.raises(errors.StorageError):
        about.save_about_me(session, child_id, full(), seen=None)
    assert about.about_me_entry(session, child_id) is None


def test_every_problem_is_listed_with_a_field_and_a_plain_sentence() -> None:
    problems = about_rules.validate(full(given_name=" ", nhs_number="943 476 5918", sex="boy",
                                         upn="12", gp_phone="call me", date_of_birth="2030-01-01",
                                         languages=[f"L{n}" for n in range(30)]), TODAY)
    assert [(p.field, p.code) for p in problems] == [
        ("given_name", "required"), ("date_of_birth", "date-in-future"), ("sex", "bad-choice"),
        ("nhs_number", "nhs-number-check"), ("upn", "upn-format"), ("languages", "too-many"),
        ("gp_phone", "phone-format")]
    for problem in problems:
        text = validation_message(problem)
        assert text.endswith(".") and "_" not in text and "{" not in text


def test_nhs_number_is_optional_and_sex_may_be_left_empty() -> None:
    record = about_rules.build(full(nhs_number="", sex=""), TODAY)
    assert record.nhs_number == "" and record.sex == ""


# -- alerts ---------------------------------------------------------------------------------------
def test_alerts_are_separate_entries_with_their_own_history(baby) -> None:
    session, child_id = baby
    peanut = about.add_alert(session, child_id, {"type": "allergy", "what": "Peanuts",
                                                 "details": "Swelling; adrenaline pen in bag",
                                                 "since": "2025-01-10"})
    about.add_alert(session, child_id, {"type": "equipment", "what": "Hearing aids"})
    about.add_alert(session, child_id, {"type": "medicine", "what": "Old cream", "active": False})
    listed = about.alerts(session, child_id)
    assert [i.value.what for i in listed] == ["Peanuts", "Hearing aids", "Old cream"]
    assert [i.value.what for i in about.alerts(session, child_id, active_only=True)] == [
        "Peanuts", "Hearing aids"]
    edited = about.edit_alert(session, peanut.entry, peanut.value.to_data() | {"active": False})
    assert [h.data["active"] for h in session.records.history(peanut.entry.id)] == [True, False]
    assert edited.entry.occurred_on == "2025-01-10"


def test_alert_rules() -> None:
    problems = alert_rules.validate({"type": "worry", "what": "", "since": "2099-01-01"}, TODAY)
    assert [(p.field, p.code) for p in problems] == [
        ("alert_type", "bad-choice"), ("alert_what", "required"), ("alert_since", "date-in-future")]


def test_archived_alerts_are_hidden_but_kept(baby) -> None:
    session, child_id = baby
    item = about.add_alert(session, child_id, {"type": "condition", "what": "Asthma"})
    about.archive(session, item.entry)
    assert about.alerts(session, child_id) == []
    assert [i.value.what for i in about.alerts(session, child_id, include_archived=True)] == ["Asthma"]


# -- addresses -------------------------------------------------------------------------------------
def test_address_history_current_and_overlap_warnings(baby) -> None:
    session, child_id = baby
    old = about.add_address(session, child_id, {"lines": ["12 High Street"], "town": "Leeds",
                                                "postcode": "ls11aa", "from_date": "2024-03-01",
                                                "to_date": "2024-11-30"})
    assert old.value.postcode == "LS1 1AA"
    about.add_address(session, child_id, {"lines": "Flat 2\n4 Mill Lane", "town": "York",
                                          "postcode": "YO1 7HH", "from_date": "2024-11-30"})
    found = [i.value for i in about.addresses(session, child_id)]
    assert [a.lines[0] for a in found] == ["Flat 2", "12 High Street"]  # newest first
    assert address_rules.current(found) == found[0]
    assert about.address_warnings(session, child_id) == []  # moving day is not an overlap
    about.edit_address(session, old.entry, old.value.to_data() | {"to_date": "2024-12-15"})
    warnings = about.address_warnings(session, child_id)
    assert len(warnings) == 1 and "12 High Street" in warnings[0] and "Flat 2" in warnings[0]


def test_two_current_addresses_are_pointed_out(baby) -> None:
    session, child_id = baby
    for line in ("1 A Road", "2 B Road"):
        about.add_address(session, child_id, {"lines": [line], "from_date": "2025-01-01"})
    assert "no moving-out date" in about.address_warnings(session, child_id)[0]


@pytest.mark.parametrize(("typed", "shown"), [("SW1A 1AA", "SW1A 1AA"), ("sw1a1aa", "SW1A 1AA"),
                                              ("m1 1ae", "M1 1AE"), ("  B33 8TH ", "B33 8TH"),
                                              ("", "")])
def test_uk_postcodes_are_accepted_leniently(typed: str, shown: str) -> None:
    assert address_rules.postcode("postcode", typed) == shown


def test_address_rules() -> None:
    problems = address_rules.validate({"lines": ["", " "], "postcode": "12345",
                                       "from_date": "2025-02-01", "to_date": "2025-01-01"}, TODAY)
    assert [(p.field, p.code) for p in problems] == [
        ("address_lines", "required"), ("postcode", "postcode-format"),
        ("to_date", "moved-out-before-moved-in")]
    assert [(p.field, p.code) for p in address_rules.validate({"lines": ["x"]}, TODAY)] == [
        ("from_date", "required")]


# -- carers ----------------------------------------------------------------------------------------
def test_carers_belong_to_the_family_not_a_child(baby) -> None:
    session, _child_id = baby
    mum = family.add_carer(session, {"name": "Maya", "relationship": "Mother",
                                     "parental_responsibility": "yes", "co_holds_file": True})
    family.add_carer(session, {"name": "Gran", "relationship": "Grandparent",
                               "parental_responsibility": "no"})
    family.add_carer(session, {"name": "Lee", "relationship": "Step-parent"})
    assert mum.entry.child_id is None
    listed = family.carers(session)
    assert [(i.value.name, i.value.parental_responsibility) for i in listed] == [
        ("Maya", "yes"), ("Lee", "unsure"), ("Gran", "no")]
    assert [c.name for c in family.with_parental_responsibility(session)] == ["Maya"]
    family.edit_carer(session, mum.entry, mum.value.to_data() | {"phone": "07700 900123"})
    assert [h.data["phone"] for h in session.records.history(mum.entry.id)] == ["", "07700 900123"]


def test_carer_rules() -> None:
    problems = carer_rules.validate({"name": "", "relationship": "", "phone": "abc",
                                     "parental_responsibility": "maybe"})
    assert [(p.field, p.code) for p in problems] == [
        ("carer_name", "required"), ("relationship", "required"), ("carer_phone", "phone-format"),
        ("parental_responsibility", "bad-choice")]


def test_an_entry_of_another_kind_cannot_be_edited_as_a_carer(baby) -> None:
    session, child_id = baby
    alert = about.add_alert(session, child_id, {"type": "allergy", "what": "Milk"})
    with pytest.raises(errors.NotFoundError):
        family.edit_carer(session, alert.entry, {"name": "X", "relationship": "Y"})


# -- several children; archiving a child -----------------------------------------------------------
def test_archiving_a_child_hides_them_and_keeps_everything(baby) -> None:
    session, child_id = baby
    sister = session.add_child(ChildDraft("Ada", MARKER_FAMILY, "2025-01-05"))
    about.save_about_me(session, child_id, full(), seen=None)
    about.add_alert(session, child_id, {"type": "allergy", "what": "Peanuts"})
    family.archive_child(session, child_id)
    assert [c.id for c in session.children()] == [sister.id]
    assert [c.id for c in family.archived_children(session)] == [child_id]
    assert family.is_archived(session, child_id)
    assert about.get_about_me(session, child_id)[0].known_as == "Zeph"  # nothing was lost
    assert len(about.alerts(session, child_id)) == 1
    family.unarchive_child(session, child_id)
    assert {c.id for c in session.children()} == {child_id, sister.id}
    assert not family.is_archived(session, child_id)


def test_unknown_children_are_not_found(baby) -> None:
    session, _child_id = baby
    with pytest.raises(errors.NotFoundError):
        family.archive_child(session, "nobody")
    with pytest.raises(errors.NotFoundError):
        about.add_alert(session, "nobody", {"type": "allergy", "what": "Milk"})
