"""Minimised FHIR R4 bundles per section, packed into signed SMART Health Cards (pure, no SQL).

The caller hands in only what the consent selection rule let through (``selection.included``);
this module never chooses content. Each section becomes one or more cards: items are added one
at a time and a new card starts whenever the next item would push the JWS past
``shc.MAX_JWS_CHARS`` (QR version 22 at level M). An item that cannot fit a card on its own
raises ``shc.CardTooLarge``: nothing is ever truncated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from familyfile.export import shc
from familyfile.export.keys import SigningKey

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
PATIENT_URL = "urn:uuid:patient"
#: LOINC codes and UCUM units for growth measurements.
GROWTH_CODES = (("weight_kg", "29463-7", "kg"), ("height_cm", "8302-2", "cm"), ("head_cm", "9843-4", "cm"))

ABOUT_ME, IMMUNISATIONS, GROWTH, REVIEW, INVOLVEMENT, CONSENT = (
    "about_me", "immunisations", "growth", "review", "involvement", "consent")
SECTIONS = (ABOUT_ME, IMMUNISATIONS, GROWTH, REVIEW, INVOLVEMENT, CONSENT)
#: The entry kinds each section is built from (the consent receipt is not made of entries).
SECTION_KINDS: dict[str, tuple[str, ...]] = {
    ABOUT_ME: ("about_me", "alert"), IMMUNISATIONS: ("immunisation",), GROWTH: ("growth",),
    REVIEW: ("integrated_review",), INVOLVEMENT: ("involvement",), CONSENT: (),
}


@dataclass(frozen=True)
class Item:
    """One entry as plain data: its kind, its stored ``data`` and (optionally) its date.

    ``entry_id`` names the entry it came from (for the sharing log's "what left"); it is never
    written into a card and takes no part in comparing items."""

    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)
    occurred_on: str | None = None
    entry_id: str = field(default="", compare=False)


Resources = list[dict[str, Any]]


def _subject() -> dict[str, str]:
    return {"reference": PATIENT_URL}


def patient_resource(about_me: Mapping[str, Any] | None) -> dict[str, Any]:
    """The child as a Patient; without an about-me entry in the selection, an anonymous one."""
    patient: dict[str, Any] = {"resourceType": "Patient"}
    if not about_me:
        return patient
    name = {k: v for k, v in (("family", about_me.get("family_name")),
                              ("given", [about_me["given_name"]] if about_me.get("given_name") else None))
            if v}
    if about_me.get("nhs_number"):
        patient["identifier"] = [{"system": NHS_NUMBER_SYSTEM,
                                  "value": str(about_me["nhs_number"]).replace(" ", "")}]
    if name:
        patient["name"] = [name]
    if about_me.get("sex") in ("female", "male"):
        patient["gender"] = about_me["sex"]
    if about_me.get("date_of_birth"):
        patient["birthDate"] = str(about_me["date_of_birth"])
    return patient


def _note(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {"note": [{"text": str(data[key])}]} if data.get(key) else {}


def alert_resources(item: Item) -> Resources:
    d = item.data
    if d.get("active") is False:
        return []
    what = {"text": str(d.get("what", ""))}
    since = {"onsetDateTime": str(d["since"])} if d.get("since") else {}
    kind = d.get("type")
    if kind == "allergy":
        res = {"resourceType": "AllergyIntolerance", "code": what, "patient": _subject(), **since}
    elif kind == "medicine":
        res = {"resourceType": "MedicationStatement", "status": "active",
               "medicationCodeableConcept": what, "subject": _subject()}
    else:  # a condition, or equipment the child needs
        res = {"resourceType": "Condition", "code": what, "subject": _subject(), **since}
    return [{**res, **_note(d, "details")}]


def immunisation_resources(item: Item) -> Resources:
    d = item.data
    if d.get("snomed"):
        code: dict[str, Any] = {"coding": [{"system": SNOMED, "code": str(d["snomed"])}]}
    else:
        code = {"text": str(d.get("vaccine_name") or d.get("vaccine") or "")}
    res: dict[str, Any] = {"resourceType": "Immunization",
                           "status": "not-done" if d.get("declined") else "completed",
                           "vaccineCode": code, "patient": _subject(),
                           "occurrenceDateTime": str(d.get("on") or item.occurred_on or "")}
    if d.get("batch"):
        res["lotNumber"] = str(d["batch"])
    if d.get("site"):
        res["site"] = {"text": str(d["site"]).replace("_", " ")}
    if d.get("dose"):
        res["protocolApplied"] = [{"doseNumberPositiveInt": int(d["dose"])}]
    return [res]


def growth_resources(item: Item) -> Resources:
    d = item.data
    when = str(d.get("measured_on") or item.occurred_on or "")
    return [{"resourceType": "Observation", "status": "final",
             "code": {"coding": [{"system": LOINC, "code": loinc}]}, "subject": _subject(),
             "effectiveDateTime": when,
             "valueQuantity": {"value": d[name], "unit": unit, "system": UCUM, "code": unit}}
            for name, loinc, unit in GROWTH_CODES if d.get(name) is not None]


def review_resources(item: Item) -> Resources:
    d = item.data
    outcomes = d.get("asq_outcomes") or {}
    found: Resources = []
    for area, score in (d.get("asq_scores") or {}).items():
        res: dict[str, Any] = {"resourceType": "Observation", "status": "final",
                               "code": {"text": f"ASQ-3 {area.replace('_', ' ')}"},
                               "subject": _subject(), "effectiveDateTime": str(d.get("on", "")),
                               "valueInteger": int(score)}
        if outcomes.get(area):
            res["interpretation"] = [{"text": str(outcomes[area]).replace("_", " ")}]
        found.append(res)
    return found


def involvement_resources(item: Item) -> Resources:
    d = item.data
    org_url = "urn:uuid:org"  # made unique per item by bundle()
    org: dict[str, Any] = {"resourceType": "Organization", "name": str(d.get("organisation", ""))}
    if d.get("ods_code"):
        org["identifier"] = [{"system": ODS_SYSTEM, "value": str(d["ods_code"])}]
    period = {k: str(d[n]) for k, n in (("start", "start_date"), ("end", "end_date")) if d.get(n)}
    episode = {"resourceType": "EpisodeOfCare", "status": "finished" if d.get("end_date") else "active",
               "type": [{"text": str(d.get("agency", "")).replace("_", " ")}], "patient": _subject(),
               "managingOrganization": {"reference": org_url}, "period": period}
    found: Resources = [{"_url": org_url, **org}, episode]
    if d.get("professional") or d.get("role"):
        role: dict[str, Any] = {"resourceType": "PractitionerRole", "organization": {"reference": org_url}}
        if d.get("professional"):
            role["practitioner"] = {"display": str(d["professional"])}
        if d.get("role"):
            role["code"] = [{"text": str(d["role"])}]
        found.append(role)
    return found


def consent_resources(item: Item) -> Resources:
    """One consent decision (``category``, ``decision``, ``purposes``, ``start_on``, ``until``)."""
    d = item.data
    provision: dict[str, Any] = {"type": "deny" if d.get("decision") == "deny" else "permit",
                                 "class": [{"code": str(d.get("category", ""))}]}
    period = {k: str(d[n]) for k, n in (("start", "start_on"), ("end", "until")) if d.get(n)}
    if period:
        provision["period"] = period
    if d.get("purposes"):
        provision["purpose"] = [{"code": str(p)} for p in d["purposes"]]
    return [{"resourceType": "Consent", "status": str(d.get("status") or "active"),
             "scope": {"text": "patient-privacy"}, "category": [{"text": "sharing"}],
             "patient": _subject(), "provision": provision}]


BUILDERS: dict[str, Callable[[Item], Resources]] = {
    "about_me": lambda item: [], "alert": alert_resources, "immunisation": immunisation_resources,
    "growth": growth_resources, "integrated_review": review_resources,
    "involvement": involvement_resources, "consent": consent_resources,
}


def bundle(patient: dict[str, Any], groups: Sequence[Resources]) -> dict[str, Any]:
    """A collection Bundle: the patient first, then each item's resources."""
    entries = [{"fullUrl": PATIENT_URL, "resource": patient}]
    for number, group in enumerate(groups):
        local = {r["_url"]: f"{r['_url']}-{number}" for r in group if "_url" in r}
        for index, res in enumerate(group):
            url = local.get(res.get("_url", ""), f"urn:uuid:item-{number}-{index}")
            entries.append({"fullUrl": url, "resource": _relink(
                {k: v for k, v in res.items() if k != "_url"}, local)})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def _relink(value: Any, local: Mapping[str, str]) -> Any:
    if isinstance(value, list):
        return [_relink(v, local) for v in value]
    if isinstance(value, dict):
        return {k: local.get(v, v) if k == "reference" and isinstance(v, str) else _relink(v, local)
                for k, v in value.items()}
    return value


def _day(item: Item) -> str:
    d = item.data
    return str(d.get("on") or d.get("measured_on") or d.get("start_date") or item.occurred_on or "")


def section_items(section: str, items: Sequence[Item]) -> list[Item]:
    """The items that belong to a section (only the latest review for ``review``)."""
    found = sorted((i for i in items if i.kind in SECTION_KINDS[section]), key=_day)  # oldest first
    if section == REVIEW and found:
        return [found[-1]]
    if section == CONSENT:
        return [i for i in items if i.kind == "consent"]
    return found


def build_cards(key: SigningKey, iss: str, section: str, items: Sequence[Item], *,
                nbf: datetime, exp: datetime | None) -> list[str]:
    """The section's cards: as few as fit, split by content between items, never truncated."""
    chosen = section_items(section, items)
    about = next((i.data for i in items if i.kind == "about_me"), None)
    patient = patient_resource(about if section == ABOUT_ME else _identity_only(about))
    groups = [g for g in (BUILDERS[i.kind](i) for i in chosen) if g]
    if not groups:
        return [_encode(key, iss, patient, [], nbf, exp)] if section == ABOUT_ME and about else []
    cards: list[str] = []
    current: list[Resources] = []
    for group in groups:
        if current and len(_encode(key, iss, patient, [*current, group], nbf, exp)) > shc.MAX_JWS_CHARS:
            cards.append(_encode(key, iss, patient, current, nbf, exp))
            current = []
        current.append(group)
    cards.append(_encode(key, iss, patient, current, nbf, exp))
    for jws in cards:
        if len(jws) > shc.MAX_JWS_CHARS:
            raise shc.CardTooLarge(len(jws))
    return cards


def _identity_only(about: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """On other sections' cards, name the child only (when identity was allowed to leave)."""
    if not about:
        return None
    return {k: about[k] for k in ("given_name", "family_name", "date_of_birth") if about.get(k)}


def _encode(key: SigningKey, iss: str, patient: dict[str, Any], groups: Sequence[Resources],
            nbf: datetime, exp: datetime | None) -> str:
    minimised = shc.minimise_bundle(bundle(patient, groups))
    return shc.encode_jws(key, shc.build_payload(iss, minimised, nbf, exp))


def carried_ids(sections: Sequence[str], items: Sequence[Item]) -> set[str]:
    """The entries whose content the cards of ``sections`` carry (the about-me entry too, since
    every card names the child)."""
    found = {i.entry_id for s in sections if s in SECTIONS for i in section_items(s, items) if i.entry_id}
    about = next((i for i in items if i.kind == "about_me"), None)
    if found and about is not None and about.entry_id:
        found.add(about.entry_id)
    return found


def build_all(key: SigningKey, iss: str, sections: Sequence[str], items: Sequence[Item], *,
              nbf: datetime, exp: datetime | None) -> list[str]:
    """Every chosen section's cards, in the order the sections are given."""
    return [jws for _section, jws in build_by_section(key, iss, sections, items, nbf=nbf, exp=exp)]


def build_by_section(key: SigningKey, iss: str, sections: Sequence[str], items: Sequence[Item], *,
                     nbf: datetime, exp: datetime | None) -> list[tuple[str, str]]:
    """(section, card) for every chosen section's cards, in the order the sections are given."""
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section: {', '.join(unknown)}")
    return [(s, jws) for s in sections for jws in build_cards(key, iss, s, items, nbf=nbf, exp=exp)]
