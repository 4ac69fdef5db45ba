"""The FHIR export: a valid R4(B) document Bundle of the selection only, written and logged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from familyfile.export import cards, fhir_bundle
from familyfile.export.cards import NHS_NUMBER_SYSTEM, Item
from familyfile.services import handover, sharing
from tests.consent.conftest import Record
from tests.export.test_export_cli import _export, _log, _nursery, path  # noqa: F401 (fixture)
from tests.export.test_handover import CARE, CHOICES, DENIED_MARK, PRIVATE_MARK, SENSITIVE_MARK, _setup


def _resources(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in document["entry"]]


def test_pure_document_shape_and_validation() -> None:
    sources = [
        fhir_bundle.Source("a", Item("about_me", {"given_name": "Zed", "nhs_number": "943 476 5919"})),
        fhir_bundle.Source("b", Item("alert", {"type": "allergy", "what": "Peanuts", "active": True}),
                           "professional", "Dr Oak", "2026-01-02T03:04:05Z"),
        fhir_bundle.Source("c", Item("growth", {"measured_on": "2025-01-01", "weight_kg": 8.1}),
                           "key_worker", "Sam"),
        fhir_bundle.Source("d", Item("involvement", {"agency": "nursery", "organisation": "Acorns",
                                                     "ods_code": "X1", "start_date": "2025-09-01",
                                                     "professional": "Ms Elm"})),
    ]
    doc = fhir_bundle.build_document(sources, composed_at="2026-02-01T00:00:00Z")
    Bundle.model_validate(doc)
    assert doc["type"] == "document"
    composition, patient = _resources(doc)[:2]
    assert composition["resourceType"] == "Composition"
    assert composition["type"]["coding"][0]["code"] == "60591-5"
    codes = {s.get("code", {}).get("coding", [{}])[0].get("code") for s in composition["section"]}
    assert {"48765-2", "8716-3"} <= codes
    assert patient["identifier"] == [{"system": NHS_NUMBER_SYSTEM, "value": "9434765919"}]
    urls = {e["fullUrl"] for e in doc["entry"]}
    for entry in doc["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    refs = [r["reference"] for s in composition["section"] for r in s["entry"]]
    assert refs and set(refs) <= urls
    provenance = [r for r in _resources(doc) if r["resourceType"] == "Provenance"]
    assert len(provenance) == 4  # one per entry (the about-me one targets the Patient)
    whos = {p["agent"][0]["who"]["display"] for p in provenance}
    assert sorted(whos) == ["Dr Oak (professional)", "Parent", "Sam (key worker)"]
    assert {"reference": f"urn:uuid:{patient['id']}"} in provenance[0]["target"]
    assert {t["reference"] for p in provenance for t in p["target"]} <= urls


def test_write_fhir_carries_only_the_selection_and_is_logged(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    out = tmp_path / "bundle.json"
    data = handover.write_fhir(record.session, record.child_id, nursery, CARE, CHOICES, out)
    assert out.read_bytes() == data
    text = data.decode("utf-8")
    for marker in (DENIED_MARK, PRIVATE_MARK, SENSITIVE_MARK):
        assert marker not in text
    doc = json.loads(text)
    Bundle.model_validate(doc)
    kinds = {r["resourceType"] for r in _resources(doc)}
    assert {"Composition", "Patient", "Immunization", "EpisodeOfCare", "Provenance"} <= kinds
    assert not kinds & {"Observation", "AllergyIntolerance"}  # health is denied to the nursery
    lots = sorted(r["lotNumber"] for r in _resources(doc) if r.get("lotNumber"))
    assert lots == [f"LOT{n:03d}" for n in range(40)]
    selected = sharing.selection(record.session, record.child_id, nursery, CARE, CHOICES)
    log = sharing.share_log(record.session, record.child_id)[-1]
    kind_of = {c.id: e.kind for c, e in sharing.candidates(record.session, record.child_id)}
    carried = tuple(i for i in selected.included if kind_of[i] in cards.BUILDERS)
    assert log.format == "fhir" and log.entry_ids == carried  # the log says what really left
    assert set(selected.included) - set(carried)  # the journal entry was allowed but is not in FHIR
    assert log.sha256 == hashlib.sha256(data).hexdigest()


def test_choosing_marked_entries_does_not_send_denied_or_private(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    marked = [c.id for c, e in sharing.candidates(record.session, record.child_id)
              if DENIED_MARK in json.dumps(e.data) or PRIVATE_MARK in json.dumps(e.data)]
    data = handover.write_fhir(record.session, record.child_id, nursery, CARE, [*CHOICES, "health", *marked],
                               tmp_path / "b.json")
    assert DENIED_MARK not in data.decode() and PRIVATE_MARK not in data.decode()


def test_cli_writes_fhir_and_logs_it(path: Path, tmp_path: Path) -> None:  # noqa: F811
    agency = _nursery(path)
    out = tmp_path / "bundle.json"
    assert _export(path, agency, "fhir", out, "--choose", "immunisations") == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(doc)
    assert any(r.get("lotNumber") == "LOT1" for r in _resources(doc))
    log = _log(path)
    assert [r.format for r in log] == ["fhir"]
    assert log[0].sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
