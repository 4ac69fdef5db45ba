"""Consent-denied and private content never appears in any output: QR PNGs, share file, FHIR, PDF.

The family (from ``test_handover``) has a growth note and an allergy carrying DENIED_MARK in
"health", which the nursery is denied, and a dose marked private carrying PRIVATE_MARK. Each
format is searched as a person or a program would find it: the written bytes, the decoded QR
payloads (from the PNGs, and from the PDF's pages drawn by pdftoppm) and the PDF's text.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from familyfile.export import cards, shc
from familyfile.export.verify import Rejected, inflate_capped, parse_compact, read_key_card
from familyfile.services import consent, handover, sharing, verifier
from tests.consent.conftest import Record
from tests.export._cards import FAMILY_KEY
from tests.export.test_handover import CARE, DENIED_MARK, PRIVATE_MARK, _setup

FORMATS = ("qr", "share", "fhir", "pdf")
EVERYTHING = ("identity", "health", "immunisations", "involvement", "development",
              "family_circumstances")


def _payload_text(texts: list[str]) -> str:
    """The inflated JSON of every card among ``texts`` (``shc:/…`` or JWS)."""
    found = []
    for text in texts:
        jws = shc.from_numeric(text) if text.startswith(shc.QR_PREFIX) else text
        try:
            read_key_card(jws)
            continue  # the key card: a public key and a display name
        except Rejected:
            found.append(inflate_capped(parse_compact(jws)[2]).decode("utf-8"))
    return "\n".join(found)


def _everything_written(record: Record, fmt: str, choices: list[str], out: Path) -> str:
    s, child = record.session, record.child_id
    nursery = consent.agency(s, child, record.nursery)
    if fmt == "qr":
        paths = handover.write_qr_folder(s, child, nursery, CARE, choices, FAMILY_KEY, cards.SECTIONS, out)
        texts = [t for p in paths for t in verifier.qr_texts(p)]
        assert len(texts) == len(paths)
        return _payload_text(texts)
    if fmt == "share":
        data = handover.write_share_file(s, child, nursery, CARE, choices, FAMILY_KEY, cards.SECTIONS,
                                         out / "share.json", "Zephyrine")
        return data.decode("utf-8") + _payload_text(json.loads(data)["verifiableCredential"])
    if fmt == "fhir":
        return handover.write_fhir(s, child, nursery, CARE, choices, out / "bundle.json").decode("utf-8")
    pdf = out / "pack.pdf"
    data = handover.write_pdf(s, child, nursery, CARE, choices, FAMILY_KEY, handover.PDF_SECTIONS, pdf,
                              "Zephyrine", include_sharing_log=True)
    words = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True).stdout.decode()
    assert "Zephyrine" in words  # the search does find what was shared
    return data.decode("latin-1") + words + _payload_text(verifier.pdf_qr_texts(pdf))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("pick_marked", [False, True])
def test_denied_and_private_content_is_in_no_output(record: Record, tmp_path: Path, fmt: str,
                                                    pick_marked: bool) -> None:
    _setup(record)
    marked = [c.id for c, e in sharing.candidates(record.session, record.child_id)
              if DENIED_MARK in json.dumps(e.data) or PRIVATE_MARK in json.dumps(e.data)]
    choices = [*EVERYTHING, *(marked if pick_marked else [])]  # choosing them never overrides
    text = _everything_written(record, fmt, choices, tmp_path)
    assert "Quillfeather" in text  # identity was shared, so the search does see content
    assert DENIED_MARK not in text
    assert PRIVATE_MARK not in text
    assert len(sharing.share_log(record.session, record.child_id)) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_search_finds_content_the_health_visitor_may_see(record: Record, tmp_path: Path,
                                                                  fmt: str) -> None:
    """Control: with the health visitor (health permitted), the marker is found in each format."""
    _setup(record)
    record.nursery = record.hv
    assert DENIED_MARK in _everything_written(record, fmt, list(EVERYTHING), tmp_path)
