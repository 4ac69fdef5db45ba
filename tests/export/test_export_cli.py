"""``familyfile export``: qr folder, share file and PDF pack through the selection rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from familyfile import cli
from familyfile.commands import handover as command
from familyfile.domain.involvement import InvolvementDraft
from familyfile.export import share_file
from familyfile.export.verify import Outcome, TrustStore
from familyfile.services import involvement, sharing, verifier
from familyfile.services import session as sessions
from tests.conftest import MARKER_GIVEN, PASSPHRASE


@pytest.fixture
def path(closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    return closed_family


def _nursery(path: Path) -> str:
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        child = opened.children()[0].id
        found = involvement.add(opened, child, InvolvementDraft(
            "nursery_childminder", "Little Acorns", "2025-09-01"))
        opened.records.add(child_id=child, kind="immunisation", occurred_on="2024-05-01", data={
            "on": "2024-05-01", "vaccine": "6in1", "dose": 1, "batch": "LOT1", "snomed": "836398006"})
        return found.agency_id
    finally:
        opened.close()


def _log(path: Path) -> list[sharing.ShareRecord]:
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        return sharing.share_log(opened, opened.children()[0].id)
    finally:
        opened.close()


def _export(path: Path, agency: str, fmt: str, out: Path, *more: str) -> int:
    return cli.main(["export", str(path), MARKER_GIVEN, "--agency", agency, "--purpose", "care",
                     "--format", fmt, "--out", str(out), *more])


def test_share_file_and_qr_folder(path: Path, tmp_path: Path) -> None:
    agency = _nursery(path)
    out = tmp_path / "share.json"
    assert _export(path, agency, "share", out, "--choose", "immunisations", "involvement",
                   "--sections", "immunisations", "involvement", "--expires-days", "10") == 0
    read = share_file.read_bytes(out.read_bytes())
    assert len(read.cards) == 2 and "LOT1" not in out.read_text()  # compressed and signed
    assert _export(path, agency, "qr", tmp_path / "qr", "--choose", "immunisations") == 0
    assert sorted(p.name for p in (tmp_path / "qr").iterdir()) == ["card-01.png"]  # nothing else chosen
    assert [r.format for r in _log(path)] == ["share-file", "qr"]


def test_pdf_pack(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agency = _nursery(path)
    out = tmp_path / "pack.pdf"
    assert _export(path, agency, "pdf", out, "--choose", "immunisations", "--sections", "immunisations",
                   "journal", "--display-name", "Mum", "--include-sharing-log") == 0
    printed = capsys.readouterr().out
    assert "PDF pack written" in printed and "Fingerprint:" in printed
    contents = verifier.read_contents(out)  # every QR on every page, as `familyfile verify` reads it
    assert len(contents.cards) == 1 and [k.name for k in contents.key_cards] == ["Mum"]
    results = verifier.verify_contents(contents, TrustStore())
    assert [r.outcome for r in results] == [Outcome.VALID_UNKNOWN_SIGNER]
    assert results[0].fingerprint == contents.key_cards[0].fingerprint
    assert [r.format for r in _log(path)] == ["pdf"]


def test_the_journal_is_only_printed(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agency = _nursery(path)
    assert _export(path, agency, "share", tmp_path / "s.json", "--sections", "journal") == 1
    assert "only in the PDF pack" in capsys.readouterr().err
    assert not (tmp_path / "s.json").exists() and _log(path) == []


def test_without_the_signing_service(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    agency = _nursery(path)

    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(command, "import_module", missing)
    assert _export(path, agency, "share", tmp_path / "s.json") == 1
    assert "signing key is not available" in capsys.readouterr().err
    assert not (tmp_path / "s.json").exists() and _log(path) == []


def test_fhir_with_chosen_sections(path: Path, tmp_path: Path) -> None:
    agency = _nursery(path)
    out = tmp_path / "bundle.json"
    assert _export(path, agency, "fhir", out, "--choose", "immunisations", "involvement",
                   "--sections", "involvement") == 0
    kinds = {e["resource"]["resourceType"] for e in json.loads(out.read_text())["entry"]}
    assert "EpisodeOfCare" in kinds and "Immunization" not in kinds  # immunisations allowed, not ticked
    assert _export(path, agency, "fhir", out, "--choose", "immunisations", "--sections", "immunisations") == 0
    assert "LOT1" in out.read_text()
    assert _export(path, agency, "fhir", tmp_path / "j.json", "--sections", "journal") == 1
    assert [r.format for r in _log(path)] == ["fhir", "fhir"]
