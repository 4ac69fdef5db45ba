"""Shared helpers for the card tests: a typical immunisations bundle and fixed times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from familyfile.export import shc
from familyfile.export.keys import SigningKey

NOW = datetime(2026, 3, 1, 10, tzinfo=UTC)
FAMILY_KEY = SigningKey.from_scalar(0x1234567890ABCDEF)
ISSUER = shc.issuer_for("3f2a9c0e-family")

VACCINES = [
    ("2025-05-02", "836398006", "6-in-1 (DTaP/IPV/Hib/HepB)"),
    ("2025-05-02", "836380007", "MenB"),
    ("2025-06-06", "836398006", "6-in-1 (DTaP/IPV/Hib/HepB)"),
    ("2025-06-06", "836403007", "Rotavirus"),
    ("2025-07-04", "981000221107", "Pneumococcal"),
]


def immunisation_bundle(count: int = len(VACCINES)) -> dict[str, Any]:
    """A full (not yet minimised) FHIR Bundle: a patient and a few immunisations."""
    entries: list[dict[str, Any]] = [{
        "fullUrl": "urn:uuid:patient-1",
        "resource": {"resourceType": "Patient", "id": "patient-1", "meta": {"profile": ["x"]},
                     "text": {"status": "generated", "div": "<div>x</div>"},
                     "name": [{"family": "Quillfeather", "given": ["Zephyrine"]}], "birthDate": "2025-03-01"},
    }]
    for number, (when, code, name) in enumerate((VACCINES * 4)[:count]):
        entries.append({
            "fullUrl": f"urn:uuid:imm-{number}",
            "resource": {
                "resourceType": "Immunization", "id": f"imm-{number}", "status": "completed",
                "vaccineCode": {
                    "coding": [{"system": "http://snomed.info/sct", "code": code, "display": name}],
                    "text": name,
                },
                "patient": {"reference": "urn:uuid:patient-1"},
                "occurrenceDateTime": when,
            },
        })
    return {"resourceType": "Bundle", "id": "b1", "type": "collection", "entry": entries}


def card(bundle: dict[str, Any] | None = None, *, key: SigningKey = FAMILY_KEY, issuer: str = ISSUER,
         exp_days: int | None = 90) -> str:
    exp = NOW + timedelta(days=exp_days) if exp_days is not None else None
    minimised = shc.minimise_bundle(bundle if bundle is not None else immunisation_bundle())
    return shc.encode_jws(key, shc.build_payload(issuer, minimised, NOW, exp))
