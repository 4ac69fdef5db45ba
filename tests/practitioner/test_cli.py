"""``familyfile practitioner …`` and ``familyfile import-entry`` end to end, through cli.main."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from familyfile import cli
from familyfile.export import cards
from familyfile.services import consent, handover, signing
from tests.conftest import PASSPHRASE
from tests.practitioner.conftest import CARE, CHOICES, Setting


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def family(setting: Setting, tmp_path: Path) -> tuple[Path, Path]:
    """The family file (closed) and a share file whose cards last ten years (the CLI uses the real clock)."""
    s = setting.session
    nursery = consent.agency(s, setting.child_id, setting.record.nursery)
    share = tmp_path / "long-share.json"
    handover.write_share_file(s, setting.child_id, nursery, CARE, CHOICES, signing.current_key(s),
                              [cards.ABOUT_ME, cards.IMMUNISATIONS], share, "The Quillfeathers",
                              expires_days=3650)
    path = s.path
    s.close()
    return path, share


def test_practitioner_end_to_end(family: tuple[Path, Path], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    family_path, share = family
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    me, trust = tmp_path / "me.identity", tmp_path / "trust"
    code, out, _err = _run(capsys, "practitioner", "init", me, "--name", "Jo Reed",
                           "--role", "Health Visitor",
                           "--organisation", "Riverside Health Visiting", "--ods", "RX1CC")
    assert code == 0 and "Jo Reed, Health Visitor, Riverside Health Visiting" in out
    code, out, _err = _run(capsys, "practitioner", "show", me, "--json")
    shown = json.loads(out)
    assert code == 0 and shown["ods_code"] == "RX1CC" and len(shown["fingerprint"].split()) == 12
    assert _run(capsys, "practitioner", "key-card", me, tmp_path / "key.png")[0] == 0

    card = tmp_path / "card.png"
    issue = ("practitioner", "issue", me, share, "--kind", "growth", "--weight-kg", "12.4", "--date",
             "2026-02-20", "--out", card, "--trust-store", trust)
    code, _out, err = _run(capsys, *issue)
    assert code == 10 and "fingerprint" in err.lower() and not card.exists()  # family key not trusted yet
    assert _run(capsys, "trust", "add", share, "--trust-store", trust)[0] == 0
    assert _run(capsys, *issue)[0] == 0 and card.read_bytes().startswith(b"\x89PNG")

    code, _out, err = _run(capsys, "import-entry", family_path, card)
    assert code == 10 and shown["fingerprint"] in err
    code, out, _err = _run(capsys, "import-entry", family_path, card, "--trust", "--json")
    done = json.loads(out)
    assert code == 0 and done["status"] == "imported" and done["kind"] == "growth"
    code, out, _err = _run(capsys, "import-entry", family_path, card)
    assert code == 0 and "already imported" in out

    ack = tmp_path / "ack.json"
    assert _run(capsys, "practitioner", "ack", me, share, "--out", ack, "--trust-store", trust)[0] == 0
    code, out, _err = _run(capsys, "import-entry", family_path, ack)
    assert code == 0 and out.startswith("Received by Jo Reed, Health Visitor, Riverside Health Visiting on ")

    code, _out, err = _run(capsys, "practitioner", "issue", me, share, "--kind", "growth",
                           "--weight-kg", "62",
                           "--date", "2026-02-20", "--out", tmp_path / "slip.png", "--trust-store", trust)
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "slip.png").exists()

    code, out, _err = _run(capsys, "verify", card, "--trust-store", trust)
    assert code == 10 and "12.4" in out  # familyfile verify reads entry cards too, named by the key card
    assert "Confirmed by Jo Reed, Health Visitor, Riverside Health Visiting (ODS RX1CC)" in out
    text = tmp_path / "card.txt"
    assert _run(capsys, *issue[:-4], "--out", text, "--trust-store", trust)[0] == 0
    code, out, _err = _run(capsys, "verify", text, "--trust-store", trust)
    assert code == 11 and "Jo Reed" not in out  # the card alone names nobody (and cannot be checked)
    assert _run(capsys, "trust", "add", tmp_path / "key.png", "--trust-store", trust)[0] == 0
    code, out, _err = _run(capsys, "verify", text, "--trust-store", trust)
    assert code == 0 and "Jo Reed" not in out
    assert f"Signed by a professional's key (fingerprint {shown['fingerprint']}); open their key card" in out
    assert len(shown["identity_id"]) == 16 and shown["issuer"].endswith(shown["identity_id"])


def test_wrong_passphrase_and_damaged_identity(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    me = tmp_path / "me.identity"
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    made = _run(capsys, "practitioner", "init", me, "--name", "Jo", "--role", "HV", "--organisation", "Org")
    assert made[0] == 0
    again = _run(capsys, "practitioner", "init", me, "--name", "Al", "--role", "HV", "--organisation", "Org")
    assert again[0] == 1 and "already" in again[2]
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", "something-else-entirely-9")
    code, _out, err = _run(capsys, "practitioner", "show", me)
    assert code == 2 and "passphrase" in err
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    me.write_text("{}", "utf-8")
    code, _out, err = _run(capsys, "practitioner", "show", me)
    assert code == 3 and "damaged" in err


def test_init_refuses_a_missing_role(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    code, _out, err = _run(capsys, "practitioner", "init", tmp_path / "me", "--name", "Jo", "--role", " ",
                           "--organisation", "Org")
    assert code == 1 and err.strip() and not (tmp_path / "me").exists()
