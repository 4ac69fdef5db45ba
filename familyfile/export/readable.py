"""A verified card's content in plain English: sections of lines and tables (pure, no Qt).

``describe(payload)`` takes the payload a :class:`~familyfile.export.verify.Verification`
carries and returns a :class:`ReadableCard`: who the card is about first, then alerts,
immunisations (a table), growth (with units), the review, the team, consent — or, on a
practitioner's entry card, "Confirmed by <name, role, organisation>" and the entry. An entry card
does not name its signer: the caller passes ``signer`` (the name on the key card that came with
it, or the one pinned) and ``fingerprint``; without a name it says whose key signed it. Cards from
other issuers (a vaccination certificate, say) get a plain rendering of common resources under
"Card from another issuer: <iss>". Anything unexpected is listed by its type; nothing here
ever raises on odd content (a hypothesis test feeds it arbitrary JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from familyfile.domain import immunisation_schedule, nhs_number
from familyfile.domain.categories import category_name
from familyfile.domain.consent import purpose_name
from familyfile.export.cards import LOINC, NHS_NUMBER_SYSTEM, ODS_SYSTEM
from familyfile.export.shc import ISS_PREFIX
from familyfile.i18n import _

PRACTITIONER_ISS_PREFIX = "familyfile-practitioner:"
FAMILY, PRACTITIONER, OTHER = "family", "practitioner", "other"
_GROWTH = {"29463-7": "Weight", "8302-2": "Height or length", "9843-4": "Head circumference"}
_ALERTS = {"AllergyIntolerance": "Allergy", "Condition": "Condition or need",
           "MedicationStatement": "Medicine"}
_SYSTEMS = {"http://snomed.info/sct": "SNOMED CT", "http://hl7.org/fhir/sid/cvx": "CVX vaccine",
            LOINC: "LOINC", "http://hl7.org/fhir/sid/icd-10": "ICD-10"}
_ENTRY_WORDS = {"integrated-review": "Review outcome", "note": "Note"}
_ACK_TYPE = "familyfile:acknowledgement"
_TEAM = ("Organization", "EpisodeOfCare", "PractitionerRole", "CareTeam")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class ReadableCard:
    """``kind`` is FAMILY, PRACTITIONER or OTHER; ``origin`` says so in words."""

    kind: str
    origin: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


# -- defensive access: a card's JSON may hold anything --------------------------------------------
def _d(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _s(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def date_text(value: Any) -> str:
    """"2025-05-02" (or a date-time) → "2 May 2025"; anything else as it is."""
    text = _s(value)
    parts = text[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return text
    if len(numbers) == 3 and 1 <= numbers[1] <= 12 and 1 <= numbers[2] <= 31 and len(parts[0]) == 4:
        return f"{numbers[2]} {_(_MONTHS[numbers[1] - 1])} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12 and len(parts[0]) == 4:
        return f"{_(_MONTHS[numbers[1] - 1])} {numbers[0]}"
    return text


def _codings(concept: Any) -> list[dict[str, Any]]:
    return [c for c in _l(_d(concept).get("coding")) if isinstance(c, dict)]


@lru_cache(maxsize=1)
def _vaccine_names() -> dict[str, str]:
    try:
        vaccines = immunisation_schedule.load().vaccines.values()
    except Exception:  # the schedule is shipped data; a name is never worth failing for
        return {}
    names = {v.key: v.name for v in vaccines}  # Family File's own vaccine keys (urn:familyfile:vaccine)
    return names | {v.snomed_code: v.name for v in vaccines if v.snomed_code}


def concept_text(concept: Any) -> str:
    """A CodeableConcept in words: its text, a display, a name we know for its code, or the code."""
    text = _s(_d(concept).get("text"))
    if text:
        return text
    for coding in _codings(concept):
        if _s(coding.get("display")):
            return _s(coding["display"])
    for coding in _codings(concept):
        code, system = _s(coding.get("code")), _s(coding.get("system"))
        if system == LOINC and code in _GROWTH:
            return _(_GROWTH[code])
        if system == "urn:familyfile:entry" and code in _ENTRY_WORDS:
            return _(_ENTRY_WORDS[code])
        named = _vaccine_names().get(code)
        if named:
            return named
        if code:
            named_system = _SYSTEMS.get(system, system)
            return _("{system} code {code}").format(system=named_system, code=code) if named_system else code
    return ""


def _human_name(names: Any) -> str:
    for name in _l(names) if isinstance(names, list) else [names]:
        name = _d(name)
        if _s(name.get("text")):
            return _s(name["text"])
        given = " ".join(_s(g) for g in _l(name.get("given")) if _s(g))
        whole = f"{given} {_s(name.get('family'))}".strip()
        if whole:
            return whole
    return ""


# -- the sections ---------------------------------------------------------------------------------
def _patient(resource: dict[str, Any]) -> Section:
    lines = [_("Name: {name}").format(name=_human_name(resource.get("name")) or _("not given"))]
    if _s(resource.get("birthDate")):
        lines.append(_("Date of birth: {day}").format(day=date_text(resource["birthDate"])))
    for identifier in map(_d, _l(resource.get("identifier"))):
        value = _s(identifier.get("value"))
        if value and identifier.get("system") == NHS_NUMBER_SYSTEM:
            lines.append(_("NHS number: {number}").format(number=nhs_number.format_number(value)))
        elif value:
            lines.append(_("Identifier: {value}").format(value=value))
    sex = {"female": _("female"), "male": _("male")}.get(_s(resource.get("gender")))
    if sex:
        lines.append(_("Sex: {sex}").format(sex=sex))
    return Section(_("About the child"), tuple(lines))


def _notes(resource: dict[str, Any]) -> str:
    return " ".join(_s(_d(n).get("text")) for n in _l(resource.get("note")) if _s(_d(n).get("text")))


def _alert(resource: dict[str, Any]) -> str:
    kind = _ALERTS[resource["resourceType"]]
    what = concept_text(resource.get("code") or resource.get("medicationCodeableConcept")) or _("not named")
    line = f"{_(kind)}: {what}"
    if _s(resource.get("onsetDateTime")):
        line += " " + _("(since {day})").format(day=date_text(resource["onsetDateTime"]))
    notes = _notes(resource)
    return f"{line} — {notes}" if notes else line


def _immunisation_row(resource: dict[str, Any]) -> tuple[str, ...]:
    doses = [_s(_d(p).get("doseNumberPositiveInt") or _d(p).get("doseNumberString"))
             for p in _l(resource.get("protocolApplied"))]
    remarks = [concept_text(resource.get("site"))] if resource.get("site") else []
    if resource.get("status") == "not-done":
        remarks.insert(0, _("not given (declined)"))
    remarks += [_notes(resource)] if _notes(resource) else []
    return (date_text(resource.get("occurrenceDateTime") or resource.get("occurrenceString")),
            concept_text(resource.get("vaccineCode")) or _("not named"),
            ", ".join(d for d in doses if d), _s(resource.get("lotNumber")),
            "; ".join(r for r in remarks if r))


def _quantity(value: Any) -> str:
    quantity = _d(value)
    number = quantity.get("value")
    if isinstance(number, bool) or not isinstance(number, int | float):
        return _s(number)
    unit = _s(quantity.get("unit") or quantity.get("code"))
    try:
        shown = f"{number:g}"
    except (OverflowError, ValueError):
        shown = str(number)
    return f"{shown} {unit}".strip()


def _observation(resource: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """("growth" | "review" | "note" | "other", row)."""
    when = date_text(resource.get("effectiveDateTime"))
    what = concept_text(resource.get("code")) or _("Observation")
    if isinstance(resource.get("valueQuantity"), dict):
        return "growth", (when, what, _quantity(resource["valueQuantity"]))
    if _s(resource.get("valueString")):
        return "note", (when, f"{what}: {_s(resource['valueString'])}")
    outcome = "; ".join(concept_text(i) for i in _l(resource.get("interpretation")) if concept_text(i))
    value = _s(resource.get("valueInteger")) or concept_text(resource.get("valueCodeableConcept"))
    if value or outcome:
        return "review", (when, what, value, outcome)
    return "other", (when, what)


def _consent(resource: dict[str, Any]) -> str:
    provision = _d(resource.get("provision"))
    classes = [category_name(_s(_d(c).get("code"))) for c in _l(provision.get("class"))
               if _s(_d(c).get("code"))]
    purposes = [purpose_name(_s(_d(p).get("code"))) for p in _l(provision.get("purpose"))
                if _s(_d(p).get("code"))]
    what = ", ".join(classes) or _("this information")
    line = (_("Not allowed: sharing {what}") if provision.get("type") == "deny"
            else _("Allowed: sharing {what}")).format(what=what)
    if purposes:
        line += " " + _("for {purposes}").format(purposes=", ".join(purposes))
    period = _d(provision.get("period"))
    if _s(period.get("start")):
        line += " " + _("from {day}").format(day=date_text(period["start"]))
    if _s(period.get("end")):
        line += " " + _("until {day}").format(day=date_text(period["end"]))
    return line


class _Bundle:
    def __init__(self, bundle: dict[str, Any]) -> None:
        self.by_url: dict[str, dict[str, Any]] = {}
        self.resources: list[dict[str, Any]] = []
        for entry in map(_d, _l(bundle.get("entry"))):
            resource = _d(entry.get("resource"))
            if not isinstance(resource.get("resourceType"), str):
                continue
            self.resources.append(resource)
            if _s(entry.get("fullUrl")):
                self.by_url[_s(entry["fullUrl"])] = resource

    def of(self, *types: str) -> list[dict[str, Any]]:
        return [r for r in self.resources if r["resourceType"] in types]

    def ref(self, reference: Any) -> dict[str, Any]:
        return self.by_url.get(_s(_d(reference).get("reference")), {})


def _org_text(org: dict[str, Any]) -> str:
    name = _s(org.get("name"))
    identifiers = org.get("identifier")
    codes = [_s(_d(i).get("value")) for i in (identifiers if isinstance(identifiers, list) else [identifiers])
             if _d(i).get("system") == ODS_SYSTEM and _s(_d(i).get("value"))]
    name = name or _s(org.get("display"))
    return f"{name} (ODS {codes[0]})" if name and codes else name


def _team(found: _Bundle) -> list[str]:
    lines = []
    for episode in found.of("EpisodeOfCare"):
        org = found.ref(episode.get("managingOrganization"))
        kind = ", ".join(concept_text(t) for t in _l(episode.get("type")) if concept_text(t))
        line = " — ".join(t for t in (kind.capitalize(), _org_text(org)) if t) or _("A service")
        period = _d(episode.get("period"))
        if _s(period.get("start")):
            line += " " + _("since {day}").format(day=date_text(period["start"]))
        if _s(period.get("end")):
            line += " " + _("(ended {day})").format(day=date_text(period["end"]))
        lines.append(line)
    for role in found.of("PractitionerRole"):
        who = _s(_d(role.get("practitioner")).get("display")) or _human_name(
            found.ref(role.get("practitioner")).get("name"))
        what = ", ".join(concept_text(c) for c in _l(role.get("code")) if concept_text(c))
        where = _org_text(found.ref(role.get("organization")))
        lines.append(_("Contact: {who}").format(who=", ".join(t for t in (who, what, where) if t) or "?"))
    for team in found.of("CareTeam"):
        for member in map(_d, _l(team.get("participant"))):
            who = _s(_d(member.get("member")).get("display"))
            roles = ", ".join(concept_text(r) for r in _l(member.get("role")) if concept_text(r))
            if who or roles:
                lines.append(_("Team member: {who}").format(who=", ".join(t for t in (who, roles) if t)))
    return lines


def confirmed_by(found: _Bundle) -> str:
    """"name, role, organisation" of a practitioner a card's resources name ("" when none: entry
    cards leave the signer to their key card)."""
    people, role_resources = found.of("Practitioner"), found.of("PractitionerRole")
    if not people and not role_resources:
        return ""
    person = people[0] if people else {}
    names = [_human_name(person.get("name"))] + [
        _s(_d(r.get("practitioner")).get("display"))
        or _human_name(found.ref(r.get("practitioner")).get("name")) for r in role_resources]
    roles = [concept_text(c) for role in role_resources for c in _l(role.get("code"))]
    roles += [concept_text(_d(q).get("code")) for q in _l(person.get("qualification"))]
    orgs = [_org_text(found.ref(r.get("organization")) or _d(r.get("organization"))) for r in role_resources]
    orgs += [_org_text(o) for o in found.of("Organization")]
    parts = [next((n for n in names if n), ""), next((r for r in roles if r), ""),
             next((o for o in orgs if o), "")]
    return ", ".join(p for p in parts if p)


def _kind(issuer: str, found: _Bundle) -> str:
    if issuer.startswith(PRACTITIONER_ISS_PREFIX) or (
            issuer.startswith(ISS_PREFIX) and found.of("Practitioner")):
        return PRACTITIONER
    return FAMILY if issuer.startswith(ISS_PREFIX) else OTHER


def _signed_by(found: _Bundle, signer: str, fingerprint: str, receipt: bool) -> Section:
    who = signer.strip() or confirmed_by(found)
    if who:
        line = (_("Received by {who}") if receipt else _("Confirmed by {who}")).format(who=who)
    elif fingerprint.strip():
        line = _("Signed by a professional's key (fingerprint {digits}); open their key card to see "
                 "their name").format(digits=fingerprint.strip())
    else:
        line = _("Signed by a professional's key; open their key card to see their name")
    return Section(_("Received by") if receipt else _("Confirmed by"), (line,))


def describe(payload: Mapping[str, Any] | None, *, signer: str = "", fingerprint: str = "") -> ReadableCard:
    """The card's content in plain English (see the module docstring). Never raises.

    ``signer``: who signed a practitioner's card, from their key card ("" when unknown);
    ``fingerprint``: their key's, said when there is no name.
    """
    payload = payload if isinstance(payload, Mapping) else {}
    issuer = _s(payload.get("iss"))
    subject = _d(_d(payload.get("vc")).get("credentialSubject"))
    found = _Bundle(_d(subject.get("fhirBundle")))
    kind = _kind(issuer, found)
    receipt = _d(subject.get("familyfile")).get("type") == _ACK_TYPE
    origin = {FAMILY: _("Family File card, made by the child's family"),
              PRACTITIONER: _("Receipt signed by a practitioner") if receipt
              else _("Entry card signed by a practitioner")}.get(
                  kind, _("Card from another issuer: {iss}").format(iss=issuer or _("not named")))
    sections: list[Section] = [_patient(p) for p in found.of("Patient")]
    if kind == PRACTITIONER:
        sections.append(_signed_by(found, _s(signer), _s(fingerprint), receipt))
    alerts = tuple(_alert(r) for r in found.of(*_ALERTS))
    if alerts:
        sections.append(Section(_("Alerts"), alerts))
    immunisations = tuple(_immunisation_row(r) for r in found.of("Immunization"))
    if immunisations:
        sections.append(Section(_("Immunisations"), table=Table(
            (_("Date"), _("Vaccine"), _("Dose"), _("Batch"), _("Notes")), immunisations)))
    grouped: dict[str, list[tuple[str, ...]]] = {"growth": [], "review": [], "note": [], "other": []}
    for observation in found.of("Observation"):
        group, row = _observation(observation)
        grouped[group].append(row)
    grouped["note"] += [(date_text(c.get("sent")), " ".join(_s(_d(p).get("contentString"))
                                                          for p in _l(c.get("payload"))))
                        for c in found.of("Communication")]
    if grouped["growth"]:
        sections.append(Section(_("Growth"), table=Table(
            (_("Date"), _("Measurement"), _("Value")), tuple(grouped["growth"]))))
    if grouped["review"]:
        sections.append(Section(_("Review"), table=Table(
            (_("Date"), _("Area"), _("Score"), _("Outcome")), tuple(grouped["review"]))))
    if grouped["note"] or grouped["other"]:
        sections.append(Section(_("Notes"), tuple(" — ".join(p for p in row if p)
                                                  for row in grouped["note"] + grouped["other"])))
    team = _team(found) if kind != PRACTITIONER else []
    if team:
        sections.append(Section(_("Team"), tuple(team)))
    consents = tuple(_consent(r) for r in found.of("Consent"))
    if consents:
        sections.append(Section(_("Consent"), consents))
    known = {"Patient", "Immunization", "Observation", "Communication", "Consent", "Practitioner",
             *_ALERTS, *_TEAM}
    others = sorted({r["resourceType"] for r in found.resources if r["resourceType"] not in known})
    if others:
        sections.append(Section(_("Other information"), tuple(
            _("{kind} (not shown in detail)").format(kind=kind_name) for kind_name in others)))
    if not sections:
        sections.append(Section(_("Content"), (_("The card carries no information to show."),)))
    return ReadableCard(kind, origin, tuple(sections))


def text_lines(card: ReadableCard, indent: str = "  ") -> list[str]:
    """The readable card as plain text lines (the command line prints these)."""
    lines = [card.origin]
    for section in card.sections:
        lines.append(section.title)
        lines += [indent + line for line in section.lines]
        if section.table is not None:
            lines.append(indent + " | ".join(section.table.headers))
            lines += [indent + " | ".join(cell or "—" for cell in row) for row in section.table.rows]
    return lines
