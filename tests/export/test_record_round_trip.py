"""Record → share file / QR PNGs / PDF pack → read back → verify → the same measurements and doses.

The property: whatever growth measurements and immunisation doses a family has, the content
that comes back out of a handed-over share file (or out of the QR images, or out of the PDF
pack's pages drawn by pdftoppm, decoded by zxing-cpp) after verification is exactly what the
selection rule let through — each weight with its date and unit, each dose with its date and
batch — and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familyfile.domain.consent import Purpose
from familyfile.export import cards, shc
from familyfile.export.verify import Outcome, TrustStore
from familyfile.services import consent, handover, sharing, verifier
from tests.consent.conftest import Record
from tests.export._cards import FAMILY_KEY

CARE = Purpose("care")
CHOICES = ("identity", "health", "immunisations")
SECTIONS = [cards.ABOUT_ME, cards.GROWTH, cards.IMMUNISATIONS]

weights = st.lists(st.tuples(st.integers(0, 700), st.integers(30, 250)), max_size=6)  # (day, 100 g)
doses = st.lists(st.tuples(st.integers(0, 700), st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789",
                                                         min_size=3, max_size=12)), max_size=6)


def _date(day: int) -> str:
    return f"{2024 + day // 336}-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}"


def _resources(results: list[Any]) -> list[dict[str, Any]]:
    found = []
    for result in results:
        assert result.outcome is Outcome.VERIFIED_KNOWN_SIGNER, result.reason
        found += [e["resource"] for e in result.payload["vc"]["credentialSubject"]["fhirBundle"]["entry"]]
    return found


def _expected(record: Record,
              included: frozenset[str]) -> tuple[set[tuple[str, float]], set[tuple[str, str]]]:
    growth, jabs = set(), set()
    for candidate, entry in sharing.candidates(record.session, record.child_id):
        if candidate.id not in included:
            continue
        if entry.kind == "growth" and entry.data.get("weight_kg") is not None:
            growth.add((str(entry.data["measured_on"]), float(entry.data["weight_kg"])))
        if entry.kind == "immunisation":
            jabs.add((str(entry.data["on"]), str(entry.data.get("batch") or "")))
    return growth, jabs


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(weights=weights, doses=doses, fmt=st.sampled_from(["share", "qr", "pdf"]))
def test_what_leaves_comes_back_the_same(record: Record, tmp_path_factory: Any,
                                         weights: list[tuple[int, int]], doses: list[tuple[int, str]],
                                         fmt: str) -> None:
    session = record.session
    for day, hectograms in weights:
        on = _date(day)
        session.records.add(child_id=record.child_id, kind="growth", occurred_on=on, data={
            "measured_on": on, "weight_kg": hectograms / 10, "height_cm": None, "head_cm": None,
            "length_or_height": "length", "measured_by": "", "measured_where": "", "notes": ""})
    for day, batch in doses:
        on = _date(day)
        session.records.add(child_id=record.child_id, kind="immunisation", occurred_on=on, data={
            "on": on, "vaccine": "6in1", "dose": 1, "vaccine_name": "6-in-1", "batch": batch,
            "snomed": "836398006"})
    hv = consent.agency(session, record.child_id, record.hv)
    out = Path(tmp_path_factory.mktemp("handover"))
    if fmt == "pdf":
        handover.write_pdf(session, record.child_id, hv, CARE, CHOICES, FAMILY_KEY, SECTIONS,
                           out / "pack.pdf", "Zephyrine")
        contents = verifier.read_contents(out / "pack.pdf")  # every QR on every page
        assert [card.fingerprint for card in contents.key_cards] == [FAMILY_KEY.fingerprint]
    elif fmt == "qr":
        handover.write_qr_folder(session, record.child_id, hv, CARE, CHOICES, FAMILY_KEY, SECTIONS,
                                 out / "qr")
        texts = [text for png in sorted((out / "qr").glob("card-*.png")) for text in verifier.qr_texts(png)]
        contents = verifier.Contents(cards=texts)
        assert all(text.startswith(shc.QR_PREFIX) for text in texts)
    else:
        handover.write_share_file(session, record.child_id, hv, CARE, CHOICES, FAMILY_KEY, SECTIONS,
                                  out / "share.json", "Zephyrine")
        contents = verifier.read_contents(out / "share.json")
        assert [card.fingerprint for card in contents.key_cards] == [FAMILY_KEY.fingerprint]
    trust = TrustStore()
    trust.pin(shc.issuer_for(session.file_id), FAMILY_KEY.public_jwk)
    resources = _resources(verifier.verify_contents(contents, trust, clock=record.clock))

    got_growth = {(r["effectiveDateTime"], r["valueQuantity"]["value"]) for r in resources
                  if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == "29463-7"}
    assert all(r["valueQuantity"]["unit"] == "kg" for r in resources
               if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == "29463-7")
    got_jabs = {(r["occurrenceDateTime"], r.get("lotNumber", "")) for r in resources
                if r["resourceType"] == "Immunization"}
    included = sharing.preview(session, record.child_id, hv, CARE, CHOICES).selection.included
    want_growth, want_jabs = _expected(record, included)
    assert got_growth == want_growth
    assert got_jabs == want_jabs
    # what this example added was shared (the health visitor may see health and immunisations)
    assert {(_date(d), h / 10) for d, h in weights} <= got_growth
    assert {(_date(d), b) for d, b in doses} <= got_jabs
