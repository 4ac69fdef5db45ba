"""Practitioners' keys the family trusts (migration 0006): SQL only.

Callers write inside ``session.write()`` together with the activity-log row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from familyfile.clock import utc_iso
from familyfile.store.database import Connection


@dataclass(frozen=True)
class SignerRow:
    issuer: str
    jwk: dict[str, Any]
    name: str
    pinned_utc: str


def all_signers(conn: Connection) -> list[SignerRow]:
    rows = conn.execute("SELECT issuer, jwk, name, pinned_utc FROM trusted_signer"
                        " ORDER BY pinned_utc, issuer")
    return [SignerRow(str(r[0]), json.loads(r[1]), str(r[2]), str(r[3])) for r in rows]


def get(conn: Connection, issuer: str) -> SignerRow | None:
    return next((s for s in all_signers(conn) if s.issuer == issuer), None)


def pin(conn: Connection, issuer: str, jwk: dict[str, Any], name: str, now: datetime) -> None:
    """Trust a key for an issuer not trusted before (a second key for it is refused by the key)."""
    conn.execute("INSERT INTO trusted_signer (issuer, jwk, name, pinned_utc) VALUES (?, ?, ?, ?)",
                 (issuer, json.dumps(jwk, sort_keys=True, separators=(",", ":")), name, utc_iso(now)))
