"""The family's ES256 signing key, kept inside the encrypted family file (docs/cards.md).

The key is made on first use; :func:`rotate` makes a new one and keeps the old one retired, so
cards it signed can still be recognised as "signed by the previous key". The private key
never leaves this module except as a :class:`~familyfile.export.keys.SigningKey` object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from familyfile.export import keys, shc
from familyfile.services.session import FamilySession
from familyfile.store import activity_log, signing_keys
from familyfile.store.database import Connection


@dataclass(frozen=True)
class KeyInfo:
    """A public view of one signing key."""

    kid: str
    fingerprint: str
    jwk: dict[str, str]
    created_utc: str
    retired_utc: str | None

    @property
    def current(self) -> bool:
        return self.retired_utc is None


def _log(session: FamilySession, conn: Connection, kind: str, detail: dict[str, Any]) -> None:
    activity_log.append(conn, at=session.clock.now(), kind=kind, actor=session.actor,
                        detail=detail)


def current_key(session: FamilySession) -> keys.SigningKey:
    """The current signing key; made (and logged) on first use, in one transaction."""
    row = signing_keys.current(session.conn)
    if row is not None:
        return keys.SigningKey.from_pkcs8(row.private_key)
    key = keys.SigningKey.generate()
    with session.write() as conn:
        if signing_keys.current(conn) is None:
            signing_keys.insert(conn, key.kid, key.to_pkcs8(), session.clock.now())
            _log(session, conn, "signing-key-created", {"kid": key.kid})
    return key


def rotate(session: FamilySession) -> keys.SigningKey:
    """A new current key; the old one is kept, retired. Logged."""
    key = keys.SigningKey.generate()
    with session.write() as conn:
        old = signing_keys.current(conn)
        now = session.clock.now()
        if old is not None:
            signing_keys.retire(conn, old.kid, now)
        signing_keys.insert(conn, key.kid, key.to_pkcs8(), now)
        _log(session, conn, "signing-key-rotated", {"kid": key.kid, "previous": old.kid if old else None})
    return key


def public_jwk(session: FamilySession) -> dict[str, str]:
    return current_key(session).public_jwk


def fingerprint(session: FamilySession) -> str:
    """The 60-digit fingerprint people compare (``keys.fingerprint_of`` of the public key)."""
    return keys.fingerprint_of(public_jwk(session))


def issuer(session: FamilySession) -> str:
    """The cards' ``iss``: ``familyfile:<file id>``, stable across key rotation."""
    return shc.issuer_for(session.file_id)


def all_keys(session: FamilySession) -> list[KeyInfo]:
    """Every key, current first, then the retired ones newest first (public parts only)."""
    found = []
    for row in signing_keys.all_keys(session.conn):
        jwk = keys.SigningKey.from_pkcs8(row.private_key).public_jwk
        found.append(KeyInfo(row.kid, keys.fingerprint_of(jwk), jwk, row.created_utc, row.retired_utc))
    return found


def previous_key_with_kid(session: FamilySession, kid: str) -> KeyInfo | None:
    """A retired key of this family with that ``kid`` ("signed by the previous key")."""
    return next((k for k in all_keys(session) if k.kid == kid and not k.current), None)
