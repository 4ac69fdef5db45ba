"""A full FHIR document Bundle (IPS shaped, UK Core identifiers) of a chosen selection (pure, no SQL).

The caller hands in only what the consent selection rule let through (``selection.included``);
this module never chooses content. It reuses the per-kind mapping of :mod:`familyfile.export.cards`
and, unlike the cards, keeps full resources with ids (``urn:uuid`` fullUrls), a Composition
(LOINC 60591-5) listing them by section, and one Provenance per entry naming its author.

Validated with ``fhir.resources.R4B`` (fhir.resources 8.x ships R5, R4B and STU3; no plain R4).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from familyfile.export.cards import BUILDERS, LOINC, PATIENT_URL, Item, patient_resource

IPS_CODE = "60591-5"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
IDENTIFIER_SYSTEM = "urn:ietf:rfc:3986"
AUTHOR_WORDS = {"parent": "parent", "key_worker": "key worker", "professional": "professional"}

#: Composition sections: key, title, LOINC code (None: a Family File section IPS does not have).
SECTIONS: tuple[tuple[str, str, str | None], ...] = (
    ("problems", "Problems", "11450-4"),
    ("allergies", "Allergies and intolerances", "48765-2"),
    ("medications", "Medications", "10160-0"),
    ("immunisations", "Immunisations", "11369-6"),
    ("growth", "Vital signs (growth)", "8716-3"),
    ("reviews", "Development reviews", None),
    ("involvement", "Professional involvement", None),
)


@dataclass(frozen=True)
class Source:
    """One included entry: the item, its id and who wrote it (``author_kind``, ``author_name``)."""

    entry_id: str
    item: Item
    author_kind: str = "parent"
    author_name: str = ""
    recorded: str = ""  # when it was last written, ISO 8601 UTC


def section_of(item: Item) -> str | None:
    """Which Composition section an entry's resources go under (None: not mapped)."""
    if item.kind == "alert":
        kind = item.data.get("type")
        return "allergies" if kind == "allergy" else "medications" if kind == "medicine" else "problems"
    return {"immunisation": "immunisations", "growth": "growth", "integrated_review": "reviews",
            "involvement": "involvement"}.get(item.kind)


def _prune(value: Any) -> Any:
    """Drop empty strings, lists and objects (FHIR allows no empty values)."""
    if isinstance(value, dict):
        kept = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", [], {}, None)}
    if isinstance(value, list):
        return [v for v in (_prune(v) for v in value) if v not in ("", [], {}, None)]
    return value


def _relink(value: Any, links: Mapping[str, str]) -> Any:
    if isinstance(value, list):
        return [_relink(v, links) for v in value]
    if isinstance(value, dict):
        return {k: links.get(v, v) if k == "reference" and isinstance(v, str) else _relink(v, links)
                for k, v in value.items()}
    return value


def _author(source: Source) -> dict[str, Any]:
    words = AUTHOR_WORDS.get(source.author_kind, source.author_kind)
    name = source.author_name.strip()
    return {"type": {"coding": [{"system": PARTICIPANT_TYPE, "code": "author"}]},
            "role": [{"text": words}],
            "who": {"display": f"{name} ({words})" if name else words.capitalize()}}


def build_document(sources: Sequence[Source], *, composed_at: str, title: str = "Family File handover",
                   new_id: Callable[[], str] = lambda: str(uuid.uuid4())) -> dict[str, Any]:
    """The document Bundle: Composition first, then the Patient, the entries' resources, Provenance.

    Every exported entry gets a Provenance (the about-me entry's targets the Patient)."""
    about_source = next((s for s in sources if s.item.kind == "about_me"), None)
    about = about_source.item.data if about_source else None
    patient_id = new_id()
    patient_url = f"urn:uuid:{patient_id}"
    patient = {**patient_resource(about), "id": patient_id}
    resources: list[tuple[str, dict[str, Any]]] = [(patient_url, patient)]
    by_section: dict[str, list[str]] = {}
    provenance: list[tuple[str, dict[str, Any]]] = []
    for source in sources:
        builder = BUILDERS.get(source.item.kind)
        section = section_of(source.item)
        made = builder(source.item) if builder and section else []
        urls = [patient_url] if source is about_source else []
        if not made and not urls:
            continue
        ids = [new_id() for _ in made]
        links = {PATIENT_URL: patient_url}
        links.update({r["_url"]: f"urn:uuid:{i}" for r, i in zip(made, ids, strict=True) if "_url" in r})
        for res, rid in zip(made, ids, strict=True):
            body = _relink({k: v for k, v in res.items() if k != "_url"}, links)
            if source.item.kind == "growth":
                body["category"] = [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "vital-signs"}]}]
            url = f"urn:uuid:{rid}"
            resources.append((url, {**body, "id": rid}))
            urls.append(url)
        if section:
            by_section.setdefault(section, []).extend(u for u in urls if u != patient_url)
        prov_id = new_id()
        provenance.append((f"urn:uuid:{prov_id}", {
            "resourceType": "Provenance", "id": prov_id, "target": [{"reference": u} for u in urls],
            "recorded": source.recorded or composed_at, "agent": [_author(source)]}))
    composition_id = new_id()
    composition = {
        "resourceType": "Composition", "id": composition_id, "status": "final",
        "type": {"coding": [{"system": LOINC, "code": IPS_CODE,
                             "display": "Patient summary Document"}]},
        "subject": {"reference": patient_url}, "date": composed_at, "title": title,
        "author": [{"display": "The child's family (Family File)"}],
        "section": [{"title": name,
                     **({"code": {"coding": [{"system": LOINC, "code": code}]}} if code else {}),
                     "entry": [{"reference": u} for u in by_section[key]]}
                    for key, name, code in SECTIONS if by_section.get(key)],
    }
    entries = [(f"urn:uuid:{composition_id}", composition), *resources, *provenance]
    return _prune({
        "resourceType": "Bundle", "id": new_id(),
        "identifier": {"system": IDENTIFIER_SYSTEM, "value": f"urn:uuid:{new_id()}"},
        "type": "document", "timestamp": composed_at,
        "entry": [{"fullUrl": url, "resource": res} for url, res in entries]})


def validate(document: Mapping[str, Any]) -> None:
    """Parse with the fhir.resources R4B Bundle model; raises (pydantic) ValidationError if invalid."""
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(dict(document))
