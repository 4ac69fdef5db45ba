"""The family's signing key inside the encrypted vault: made once, persisted, rotated."""

from __future__ import annotations

from pathlib import Path

from familyfile.export import keys, shc
from familyfile.services import session as sessions
from familyfile.services import signing
from tests.conftest import PASSPHRASE


def _on_disk(path: Path) -> bytes:
    """Every byte the family file keeps beside it (database, journal, key header)."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file())


def test_key_is_made_once_and_kept_in_the_vault(make_family: sessions.FamilySession,
                                                 family_path: Path) -> None:
    first = signing.current_key(make_family)
    assert signing.current_key(make_family).kid == first.kid
    make_family.close()
    reopened = sessions.unlock(family_path, PASSPHRASE)
    try:
        assert signing.current_key(reopened).kid == first.kid
        created = [a for a in reopened.activity() if a.kind == "signing-key-created"]
        assert len(created) == 1
        assert reopened.check() == []
    finally:
        reopened.close()


def test_private_key_is_not_readable_on_disk(make_family: sessions.FamilySession, family_path: Path) -> None:
    key = signing.current_key(make_family)
    pkcs8 = key.to_pkcs8()
    scalar = key.private_key.private_numbers().private_value.to_bytes(32, "big")
    make_family.close()
    disk = _on_disk(family_path)
    assert pkcs8 not in disk and scalar not in disk and pkcs8[-32:] not in disk
    assert key.kid.encode() not in disk  # the whole database is encrypted, ids included


def test_public_parts_fingerprint_and_issuer(make_family: sessions.FamilySession) -> None:
    jwk = signing.public_jwk(make_family)
    assert set(jwk) == {"crv", "kty", "x", "y"}
    assert signing.fingerprint(make_family) == keys.fingerprint_of(jwk)
    assert signing.issuer(make_family) == shc.issuer_for(make_family.file_id)
    assert len(make_family.file_id) == 32


def test_rotation_keeps_the_old_key_retired(make_family: sessions.FamilySession, family_path: Path) -> None:
    old = signing.current_key(make_family)
    issuer = signing.issuer(make_family)
    new = signing.rotate(make_family)
    assert new.kid != old.kid
    assert signing.current_key(make_family).kid == new.kid
    assert signing.issuer(make_family) == issuer  # the family's iss survives rotation
    found = signing.all_keys(make_family)
    assert [k.kid for k in found] == [new.kid, old.kid]
    assert found[0].current and not found[1].current and found[1].retired_utc
    previous = signing.previous_key_with_kid(make_family, old.kid)
    assert previous is not None and previous.fingerprint == old.fingerprint
    assert signing.previous_key_with_kid(make_family, new.kid) is None
    assert any(a.kind == "signing-key-rotated" for a in make_family.activity())
    signing.rotate(make_family)
    assert len(signing.all_keys(make_family)) == 3
    assert sum(k.current for k in signing.all_keys(make_family)) == 1


def test_rotation_before_any_key_just_makes_one(make_family: sessions.FamilySession) -> None:
    key = signing.rotate(make_family)
    assert [k.kid for k in signing.all_keys(make_family)] == [key.kid]
