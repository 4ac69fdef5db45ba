"""The practitioner's encrypted identity file and the identity's checks."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile import errors
from familyfile.domain import practitioner as rules
from familyfile.services import practitioner as practice
from familyfile.store import identity_file
from tests.conftest import FAST_KDF, PASSPHRASE


def _make(path: Path) -> practice.Practitioner:
    return practice.create_identity(path, PASSPHRASE, name="  Jo   Reed ", role="Health Visitor",
                                    organisation="Riverside Health Visiting", ods_code="rx1 cc", kdf=FAST_KDF)


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "me.identity"
    made = _make(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    opened = practice.open_identity(path, PASSPHRASE)
    assert opened.identity == made.identity
    assert opened.identity.name == "Jo Reed" and opened.identity.ods_code == "RX1CC"
    assert opened.key.kid == made.key.kid and opened.fingerprint == made.fingerprint
    assert opened.issuer.startswith("familyfile-practitioner:")
    assert rules.is_practitioner_issuer(opened.issuer)
    assert len(opened.identity.identity_id) == 16  # 96 random bits, base64url: a short iss
    text = path.read_text("utf-8")
    assert "Jo Reed" not in text and "Riverside" not in text  # all of it encrypted
    assert json.loads(text)["kdf"]["memory_kib"] == FAST_KDF.memory_kib


def test_wrong_passphrase_is_told_apart_from_damage(tmp_path: Path) -> None:
    path = tmp_path / "me.identity"
    _make(path)
    with pytest.raises(errors.WrongPassphraseError):
        practice.open_identity(path, "not-the-passphrase-at-all")
    body = json.loads(path.read_text("utf-8"))
    tail = "A" * 8 if not body["ciphertext"].endswith("A" * 8) else "B" * 8
    body["ciphertext"] = body["ciphertext"][:-8] + tail
    path.write_text(json.dumps(body), "utf-8")  # the checksum no longer matches
    with pytest.raises(identity_file.IdentityFileDamaged):
        practice.open_identity(path, PASSPHRASE)


@pytest.mark.parametrize("content", [b"", b"{}", b"not json", b'{"format": "familyfile-key-header"}'])
def test_not_an_identity_file_is_damaged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.identity"
    path.write_bytes(content)
    with pytest.raises(identity_file.IdentityFileDamaged):
        practice.open_identity(path, PASSPHRASE)


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "me.identity"
    made = _make(path)
    with pytest.raises(errors.FamilyFileExistsError):
        _make(path)
    assert practice.open_identity(path, PASSPHRASE).key.kid == made.key.kid


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(errors.NoFamilyFileError):
        practice.open_identity(tmp_path / "nothing", PASSPHRASE)


@pytest.mark.parametrize(("name", "role", "org", "ods", "field"), [
    ("", "HV", "Org", "", "name"), ("Jo", " ", "Org", "", "role"), ("Jo", "HV", "", "", "organisation"),
    ("Jo", "HV", "Org", "R!", "ods_code"), ("Jo", "HV", "Org", "TOOLONGCODE", "ods_code"),
    ("J" * 101, "HV", "Org", "", "name"),
    # each field within 100, but the key card's name would pass 300 bytes: the longest is asked
    ("J" * 100, "H" * 90, "O" * 100, "RX1CCABC", "name"),
    ("Jo", "H" * 100, "Ö" * 100, "", "organisation"),
])
def test_identity_checks(name: str, role: str, org: str, ods: str, field: str) -> None:
    problems = rules.validate(name, role, org, ods)
    assert [p.field for p in problems] == [field]
    with pytest.raises(errors.ValidationError):
        rules.build(name, role, org, ods)


def test_a_key_card_name_too_long_says_how_much_shorter() -> None:
    [problem] = rules.validate("J" * 100, "H" * 90, "O" * 100, "RX1CCABC")
    assert problem.code == "too-long" and problem.params["max"] == 91  # 309 bytes → 300
    assert len(rules.key_card_name("J" * 91, "H" * 90, "O" * 100, "RX1CCABC")) == rules.KEY_CARD_NAME_BYTES
    assert rules.validate("J" * 91, "H" * 90, "O" * 100, "RX1CCABC") == []


def test_an_identity_file_made_with_a_uuid_still_opens(tmp_path: Path) -> None:
    from familyfile.export.keys import SigningKey

    old = rules.Identity("6f1c2d3e-4a5b-4c6d-8e7f-001122334455", "Jo Reed", "HV", "Org", "RX1")
    key = SigningKey.generate()
    path = tmp_path / "old.identity"
    identity_file.write(path, identity_file.IdentityFileContents(old.to_data(), key.to_pkcs8()), PASSPHRASE,
                        kdf=FAST_KDF)
    opened = practice.open_identity(path, PASSPHRASE)
    assert opened.identity == old and rules.is_practitioner_issuer(opened.issuer)
    from familyfile.export.verify import read_key_card

    card = read_key_card(practice.key_card(opened))
    assert card.name == "Jo Reed, HV, Org (ODS RX1)" and card.issuer == opened.issuer


_PART = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]),
                min_size=1, max_size=30)


@settings(max_examples=80, deadline=None)
@given(name=_PART, role=_PART, org=_PART, ods=st.sampled_from(["", "RX1", "A81001", "RX1CCABC"]))
def test_the_key_card_name_reads_back(name: str, role: str, org: str, ods: str) -> None:
    found = rules.read_key_card_name(rules.key_card_name(name, role, org, ods))
    assert found.display == rules.display_name(name, role, org) and found.ods_code == ods
    assert (found.name, found.role, found.organisation) == (name, role, org)


def test_a_key_card_name_that_does_not_split_in_three_is_kept_whole() -> None:
    found = rules.read_key_card_name("Jo Reed, Health Visitor, Leeds, North (ODS RX1)")
    assert (found.display, found.name, found.role, found.ods_code) == (
        "Jo Reed, Health Visitor, Leeds, North", "Jo Reed, Health Visitor, Leeds, North", "", "RX1")


def test_display_and_optional_ods() -> None:
    made = rules.build("Jo Reed", "Health Visitor", "Riverside", "")
    assert made.display == "Jo Reed, Health Visitor, Riverside" and made.ods_code == ""
    assert not rules.is_practitioner_issuer("familyfile:abc")
    assert not rules.is_practitioner_issuer("familyfile-practitioner:not-a-uuid")
    assert not rules.is_practitioner_issuer("familyfile-practitioner:" + "a" * 15)
    assert not rules.is_practitioner_issuer("familyfile-practitioner:" + "6f1c2d3e4a5b4c6d8e7f001122334455")
    assert rules.is_practitioner_issuer("familyfile-practitioner:" + rules.new_identity_id())
